// The command line as parsed: every option in one table (`parseArgs` reads it; `serve`'s own
// options say so), with the one rule `parseArgs` cannot state (a negative code is an argument).
import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

/**
 * Every option of the command. `command` names the one command an option is for: any other
 * command refuses it. (Extra keys are ignored by `parseArgs`.)
 */
const optionTable = {
  lang: { type: 'string', short: 'l' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  port: { type: 'string', command: 'serve' },
  host: { type: 'string', command: 'serve' },
  'headers-timeout': { type: 'string', command: 'serve' },
  'request-timeout': { type: 'string', command: 'serve' },
  'keep-alive-timeout': { type: 'string', command: 'serve' },
  'max-connections': { type: 'string', command: 'serve' },
} as const;

type OptionName = keyof typeof optionTable;

// A negative code (`smtp-status -1`) is an argument, not an option: it is hidden from parseArgs
// behind a prefix no option starts with, then given back.
const negativeCode = /^-\d{1,4}$/u;
const hidden = '\u0000';
const unhide = (text: string) => (text.startsWith(hidden) ? text.slice(1) : text);

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: optionTable });
  } catch (error) {
    // parseArgs throws only for what the user typed (an unknown option, a missing value). Its
    // hint for an unknown option ends in a quote it never closes: the hint is said here instead.
    const { code, message } = error as { code?: string; message: string };
    const unknown = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && /^Unknown option '.*?'/u.exec(message)?.[0];
    throw new UsageError(unknown ? `${unknown}; an argument that starts with '-' goes after '--'` : message);
  }
}

/** The options given, by name. */
export type Options = ReturnType<typeof parseStrict>['values'];

/**
 * The options and the arguments (the command and its words); a usage error for an unknown
 * option or a missing value.
 *
 * @example parseOptions(['-1', '--lang', 'de']) // { values: { lang: 'de' }, positionals: ['-1'] }
 */
export function parseOptions(argv: readonly string[]): { values: Options; positionals: string[] } {
  const { values, positionals } = parseStrict(argv.map((arg) => (negativeCode.test(arg) ? hidden + arg : arg)));
  return {
    values: { ...values, ...(values.lang !== undefined && { lang: unhide(values.lang) }) },
    positionals: positionals.map(unhide),
  };
}

/** `--a`, `--a and --b`, `--a, --b and --c`. */
const listed = (names: readonly string[]) =>
  names.length < 2 ? `--${names[0]}` : `--${names.slice(0, -1).join(', --')} and --${names.at(-1)}`;

/**
 * Refuses an option given to a command it is not for (`--port` without `serve`), naming the
 * options of that command.
 *
 * @example requireOptionsFor('list', { port: '80' }) // throws UsageError: --port, --host, … and --max-connections are for serve
 */
export function requireOptionsFor(command: string, values: Options): void {
  for (const name of Object.keys(values) as OptionName[]) {
    const owner = (optionTable[name] as { command?: string }).command;
    if (owner !== undefined && owner !== command) {
      const names = (Object.keys(optionTable) as OptionName[]).filter(
        (other) => (optionTable[other] as { command?: string }).command === owner,
      );
      throw new UsageError(`${listed(names)} ${names.length < 2 ? 'is' : 'are'} for ${owner}`);
    }
  }
}
