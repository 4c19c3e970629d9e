// smtp-status: what an SMTP status code means, in the user's language (src/cli.ts runs it).
import { parseArgs } from 'node:util';
import type { Catalog, Explanation, ReplyKind } from '../catalog/create-catalog.js';
import { createNegotiator, type LanguagePreference, readPreference } from '../catalog/negotiate-language.js';
import { requireInput, type SmtpStatusInput } from '../catalog/resolve-input.js';
import { smtpStatusNames } from '../catalog/smtp-status-code.js';
import { show } from '../errors/show-value.js';
import { parseLogLine } from '../replies/mail-log.js';
import { safeParseReply } from '../replies/parse-reply.js';
import { explainStream, type StreamOutput } from './explain-stream.js';

const usage = `Usage: smtp-status <code> [--lang TAG] [--json]
       smtp-status explain [<reply>] [--lang TAG] [--json]
       smtp-status list [--lang TAG] [--json]
       smtp-status serve [--port N] [--host H] [--headers-timeout MS]
                         [--request-timeout MS] [--keep-alive-timeout MS]
                         [--max-connections N]

  <code>       an SMTP reply code (200-599), a SmtpStatusCode name or value
               (-1 too), or an enhanced status code (5.1.1)
  explain      what a server's reply, or a mail log line quoting one, means
               ("550 5.1.1 User unknown"); without <reply>, one per line of
               stdin (a mail log: Postfix, Exim, Sendmail, Exchange), one result
               per line out: the description of a reply alone; for a log line
               recipient, code, enhanced code, kind, retryable|final and the
               description, tab-separated (- for what the line lacks)
  list         every SmtpStatusCode member: value, name and description
  serve        the HTTP API and catalog page, on 127.0.0.1:8025 unless told
               otherwise; prints the URL first; Ctrl-C or SIGTERM stops it
  --port N     (serve) the port, 0 for any free one (default 8025)
  --host H     (serve) the address to listen on (default 127.0.0.1)
  --headers-timeout MS, --request-timeout MS, --keep-alive-timeout MS
               (serve) how long a client may take to send its headers
               (default 10000), its whole request (30000), or stay idle (5000)
  --max-connections N  (serve) connections open at once (default 512)
  --lang TAG   the language (default: LANGUAGE, LC_ALL, LC_MESSAGES or LANG,
               else en)
  --json       print JSON: the explanation, or an array of them for list
  --help       show this help
  --version    show the version

Examples:
  smtp-status 550 --lang fr
  smtp-status MailboxUnavailable --lang ar
  smtp-status 571 --lang it --json
  smtp-status explain "550 5.1.1 User unknown" --lang fr
  smtp-status explain --lang fr --json < replies.log
  smtp-status explain --lang de < /var/log/mail.log
  smtp-status 5.1.1 --lang es
  smtp-status list --lang ru

Exit status: 0 done, 2 usage error, 1 unexpected error, 130 interrupted.
`;

/** Where the command writes: `process.stdout` and `process.stderr`, or test doubles. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** What the command reads besides its arguments. */
export interface CliContext {
  env: NodeJS.ProcessEnv;
  stdout: Output & StreamOutput;
  stderr: Output;
  /** Read by `explain` without a reply argument. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** For `serve`: registers what stops it (SIGINT, SIGTERM) instead of exiting at once. */
  onStop?: (stop: () => void) => void;
}

/** Where `serve` listens, and the connection limits given on the command line. */
export interface ServeOptions {
  port: number;
  host: string;
  headersTimeout?: number;
  requestTimeout?: number;
  keepAliveTimeout?: number;
  maxConnections?: number;
}

/**
 * What the command answers from: the catalog, the package's version for `--version`, and the
 * HTTP service for `serve` (which prints its URL, then resolves once `stopped` did and it closed).
 */
export interface Program {
  catalog: Catalog;
  version(): string;
  serve(options: ServeOptions, context: { stdout: Output; stopped: Promise<unknown> }): Promise<void>;
}

/** An error the user made: reported on one line with exit code 2. */
class UsageError extends Error {}

/**
 * The languages the environment asks for, as GNU gettext reads them: `LANGUAGE` (a list,
 * `fr:en`) first, then the locale, LC_ALL, LC_MESSAGES, then LANG. As gettext does, `LANGUAGE`
 * is ignored when the locale is `C` or `POSIX`; unlike gettext, an unset locale does not hide it.
 */
function environmentLanguage(env: NodeJS.ProcessEnv): LanguagePreference {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  const list = (env.LANGUAGE ?? '').split(':').filter((tag) => tag !== '');
  if (list.length === 0 || locale === 'C' || locale === 'POSIX') return locale;
  return locale === undefined ? list : [...list, locale];
}

// Colours by kind, as SGR codes; used only on a terminal, never with NO_COLOR (no-color.org).
const kindColors: Record<ReplyKind, string> = {
  positive: '32',
  intermediate: '36',
  transient: '33',
  permanent: '31',
  unknown: '2',
};

function colorizer(context: CliContext): (sgr: string, text: string) => string {
  const { env, stdout } = context;
  const enabled = stdout.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
  return enabled ? (sgr, text) => `\u001B[${sgr}m${text}\u001B[0m` : (_, text) => text;
}

// A negative code (`smtp-status -1`) is an argument, not an option: it is hidden from parseArgs
// behind a prefix no option starts with, then given back.
const negativeCode = /^-\d{1,4}$/u;
const hidden = '\u0000';
const unhide = (text: string) => (text.startsWith(hidden) ? text.slice(1) : text);

function parseOptions(argv: readonly string[]) {
  const { values, positionals } = parseArgsStrict(argv.map((arg) => (negativeCode.test(arg) ? hidden + arg : arg)));
  return {
    values: { ...values, ...(values.lang !== undefined && { lang: unhide(values.lang) }) },
    positionals: positionals.map(unhide),
  };
}

function parseArgsStrict(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        lang: { type: 'string', short: 'l' },
        json: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        'headers-timeout': { type: 'string' },
        'request-timeout': { type: 'string' },
        'keep-alive-timeout': { type: 'string' },
        'max-connections': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

type Options = ReturnType<typeof parseOptions>['values'];

/** The code as `explain` takes it: digits (with an optional minus) become a number. */
function codeArgument(text: string): number | string {
  return /^-?\d{1,4}$/u.test(text) ? Number(text) : text;
}

function explainArgument(catalog: Catalog, text: string, lang: LanguagePreference): Explanation {
  try {
    const input = codeArgument(text);
    requireInput(input);
    return catalog.explain(input, lang);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** One line per member: value right-aligned, name padded, description last (so RTL text never shifts a column). */
function listTable(rows: readonly Explanation[], color: ReturnType<typeof colorizer>): string {
  const valueWidth = Math.max(...rows.map((row) => String(row.code).length));
  const nameWidth = Math.max(...rows.map((row) => row.name?.length ?? 0));
  return rows
    .map((row) => {
      const value = color(kindColors[row.kind], String(row.code).padStart(valueWidth));
      return `${value}  ${(row.name ?? '').padEnd(nameWidth)}  ${row.text}\n`;
    })
    .join('');
}

/** A warning when no language of the catalog serves `--lang` (the fallback is used). */
function languageWarning(catalog: Catalog, lang: string | undefined, used: string): string {
  const tags = catalog.languages();
  const negotiator = createNegotiator(new Map(tags.map((tag) => [tag, tag])));
  const preferences = [readPreference(lang)].flat();
  if (lang === undefined || preferences.some((preference) => negotiator.served(preference) !== undefined)) {
    return '';
  }
  return `smtp-status: no locale for ${show(lang)}; using ${used} (available: ${tags.join(', ')})\n`;
}

/** `explain <reply>`: the words of the reply may come as one argument or several. */
async function explainCommand(
  catalog: Catalog,
  values: Options,
  words: readonly string[],
  context: CliContext,
): Promise<void> {
  const lang = values.lang ?? environmentLanguage(context.env);
  if (words.length === 0) {
    if (context.stdin === undefined) throw new UsageError('explain needs a reply, or replies on stdin');
    const summary = await explainStream(context.stdin, context.stdout, { lang, json: values.json === true }, catalog);
    if (summary.unreadable > 0) {
      context.stderr.write(
        `smtp-status: ${summary.unreadable} of ${summary.lines} lines had no SMTP reply or status code (first: line ${summary.firstUnreadable})\n`,
      );
    }
    return;
  }
  const text = words.join(' ');
  // A reply (its enhanced code's class may disagree), else a mail log line quoting one.
  const entry = parseLogLine(text);
  const reply = safeParseReply(text, { lenient: true });
  const input = (reply ?? entry?.reply ?? entry?.enhanced) as SmtpStatusInput | undefined;
  if (input === undefined || catalog.lookup(input, lang) === undefined) {
    throw new UsageError(`Not an SMTP reply or a mail log line with one: ${show(text)}`);
  }
  const result = {
    ...catalog.explain(input, lang),
    ...(entry?.recipient !== undefined && { recipient: entry.recipient }),
  };
  context.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${catalog.describe(input, lang)}\n`);
  context.stderr.write(languageWarning(catalog, values.lang, result.lang));
}

/** `serve`: listens until SIGINT or SIGTERM (what `context.onStop` registers). */
async function serveCommand(program: Program, values: Options, rest: readonly string[], context: CliContext) {
  if (rest.length > 0) throw new UsageError(`serve takes no argument, got ${show(rest[0])}`);
  const port = values.port ?? '8025';
  if (!/^\d{1,5}$/u.test(port) || Number(port) > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, got ${show(port)}`);
  }
  const options: ServeOptions = { port: Number(port), host: values.host ?? '127.0.0.1' };
  for (const [flag, key] of serveLimitFlags) {
    const value = values[flag];
    if (value === undefined) continue;
    if (!/^\d{1,9}$/u.test(value) || Number(value) < 1) {
      throw new UsageError(`--${flag} must be a whole number from 1, got ${show(value)}`);
    }
    options[key] = Number(value);
  }
  if ((options.headersTimeout ?? 10_000) > (options.requestTimeout ?? 30_000)) {
    throw new UsageError('--headers-timeout must not be longer than --request-timeout');
  }
  const stopped = new Promise<void>((resolve) => context.onStop?.(resolve));
  await program.serve(options, { stdout: context.stdout, stopped });
}

/** The flags of serve's connection limits, and the option each sets. */
const serveLimitFlags = [
  ['headers-timeout', 'headersTimeout'],
  ['request-timeout', 'requestTimeout'],
  ['keep-alive-timeout', 'keepAliveTimeout'],
  ['max-connections', 'maxConnections'],
] as const;

async function command(
  program: Program,
  values: Options,
  positionals: readonly string[],
  context: CliContext,
): Promise<void> {
  const { catalog } = program;
  const lang = values.lang ?? environmentLanguage(context.env);
  const color = colorizer(context);
  const [first, ...rest] = positionals;
  if (first === 'serve') return serveCommand(program, values, rest, context);
  if (
    values.port !== undefined ||
    values.host !== undefined ||
    serveLimitFlags.some(([flag]) => values[flag] !== undefined)
  ) {
    throw new UsageError('--port, --host and the connection limits are for serve');
  }
  if (first === 'explain') return explainCommand(catalog, values, rest, context);
  if (first === 'list') {
    if (rest.length > 0) throw new UsageError(`list takes no argument, got ${show(rest[0])}`);
    const rows = smtpStatusNames.map((name) => catalog.explain(name, lang));
    context.stdout.write(values.json ? `${JSON.stringify(rows)}\n` : listTable(rows, color));
    context.stderr.write(languageWarning(catalog, values.lang, rows[0]?.lang ?? ''));
    return;
  }
  if (first === undefined || rest.length > 0) {
    throw new UsageError(`expected one status code, got ${positionals.length}`);
  }
  codeCommand(catalog, values, first, context);
}

/** `smtp-status <code>`: one code, an enhanced code alone, or a member name. */
function codeCommand(catalog: Catalog, values: Options, code: string, context: CliContext): void {
  const result = explainArgument(catalog, code, values.lang ?? environmentLanguage(context.env));
  // `describe`'s text: an enhanced code alone says more than its code 0 (NotDefined).
  const text = result.enhanced && result.code === 0 ? result.enhanced.text : result.text;
  context.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${text}\n`);
  context.stderr.write(languageWarning(catalog, values.lang, result.lang));
}

/**
 * Runs the command over `catalog`; resolves with the exit code: 0 done, 2 usage error, 1 unexpected error.
 *
 * @example await runCli(['550', '--lang', 'fr'], context, { catalog, version }) // 0, the French text on context.stdout
 */
export async function runCli(argv: readonly string[], context: CliContext, program: Program): Promise<number> {
  try {
    const { values, positionals } = parseOptions(argv);
    if (values.help) {
      context.stdout.write(usage);
      return 0;
    }
    if (values.version) {
      context.stdout.write(`${program.version()}\n`);
      return 0;
    }
    await command(program, values, positionals, context);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
      context.stderr.write(`smtp-status: ${message} (see smtp-status --help)\n`);
      return 2;
    }
    context.stderr.write(`smtp-status: unexpected error: ${message}\n`);
    return 1;
  }
}
