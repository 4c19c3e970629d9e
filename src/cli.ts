#!/usr/bin/env node
// smtp-status: what an SMTP status code means, in the user's language. This entry wires the
// command (src/cli/run-cli.ts) to the shipped catalog and to the process.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createPackedCatalog } from './catalog/create-catalog.js';
import { type CliContext, runCli } from './cli/run-cli.js';
import { packedLocales } from './internal/packed-locales.js';

export type { CliContext, Output } from './cli/run-cli.js';

const program = {
  catalog: createPackedCatalog(packedLocales),
  // src/cli.ts and dist/cli.js both sit one folder below package.json.
  version: (): string => JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
};

/**
 * Runs the command with every shipped language; resolves with the exit code: 0 done, 2 usage
 * error, 1 unexpected error.
 *
 * @example await run(['550', '--lang', 'fr'], { env: process.env, stdout: process.stdout, stderr: process.stderr })
 */
export function run(argv: readonly string[], context: CliContext): Promise<number> {
  return runCli(argv, context, program);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Ctrl-C: stop at once, with the status a shell gives an interrupted command.
  process.on('SIGINT', () => process.exit(130));
  // A closed pipe (`smtp-status list | head -1`) ends the command quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`smtp-status: unexpected error: ${error.message}\n`);
    process.exit(1);
  });
  const context = { env: process.env, stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
  process.exitCode = await run(process.argv.slice(2), context);
}
