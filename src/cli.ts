#!/usr/bin/env node
// smtp-status: the description of an SMTP status code, in the user's language.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { explain } from './index.js';

const usage = `Usage: smtp-status <code> [--lang TAG] [--json]

  <code>       an SMTP reply code (200-599) or a SmtpStatusCode name or value
  --lang TAG   the language (default: LC_ALL, LC_MESSAGES or LANG, else en)
  --json       print the explanation as JSON
  --help       show this help
  --version    show the version

Examples:
  smtp-status 550 --lang fr
  smtp-status MailboxUnavailable --lang ar
  smtp-status 571 --lang it --json
`;

/** The language the environment asks for, POSIX-style: LC_ALL, then LC_MESSAGES, then LANG. */
function environmentLanguage(env: NodeJS.ProcessEnv): string | undefined {
  return [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
}

/** Runs the command; returns the exit code (0 done, 2 usage error). */
export function run(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    process.stderr.write(`smtp-status: ${(error as Error).message} (see smtp-status --help)\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (values.version) {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const [code, ...rest] = positionals;
  if (code === undefined || rest.length > 0) {
    process.stderr.write(`smtp-status: expected one status code, got ${positionals.length} (see smtp-status --help)\n`);
    return 2;
  }
  const numeric = /^-?\d+$/u.test(code) ? Number(code) : code;
  let result: ReturnType<typeof explain>;
  try {
    result = explain(numeric as number, values.lang ?? environmentLanguage(env));
  } catch (error) {
    process.stderr.write(`smtp-status: ${(error as Error).message}\n`);
    return 2;
  }
  process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${result.text}\n`);
  return 0;
}

function parseOptions(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      lang: { type: 'string', short: 'l' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = run(process.argv.slice(2));
}
