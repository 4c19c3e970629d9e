// smtp-status: what an SMTP status code means, in the user's language (src/cli.ts runs it).
// This file dispatches to the commands and turns what they throw into exit codes.
import { codeCommand } from './commands/code.js';
import { explainCommand } from './commands/explain.js';
import { listCommand } from './commands/list.js';
import { serveCommand } from './commands/serve.js';
import type { CliContext, Invocation, Program } from './context.js';
import { environmentLanguage } from './environment.js';
import { parseOptions, requireOptionsFor } from './options.js';
import { terminalEscaped } from './terminal-safe.js';
import { usage } from './usage.js';
import { CommandError, UsageError } from './usage-error.js';

export type { CliContext, Output, Program, ServeOptions } from './context.js';

/** The commands by name; anything else is a code (`smtp-status 550`). */
/** `bounce` loads its module (and the MIME parser) only when it runs: no other command carries them. */
async function bounceCommand({ program, args, options, lang, context }: Invocation): Promise<number> {
  const { runBounceCommand } = await import('./commands/bounce.js');
  const stdin = context.stdin ?? (async function* () {})();
  const io = {
    args: [...args],
    stdin,
    stdout: context.stdout,
    stderr: context.stderr,
    lang,
    json: options.json === true,
  };
  return runBounceCommand({ ...io, catalog: program.catalog });
}

// A command resolves with its exit code, or with nothing for 0.
const commands: Record<string, (invocation: Invocation) => unknown> = {
  bounce: bounceCommand,
  explain: explainCommand,
  list: listCommand,
  serve: serveCommand,
};

async function dispatch(argv: readonly string[], context: CliContext, program: Program): Promise<unknown> {
  const { values: options, positionals } = parseOptions(argv);
  if (options.help) {
    context.stdout.write(usage);
    return;
  }
  if (options.version) {
    context.stdout.write(`${program.version()}\n`);
    return;
  }
  const [first = '', ...rest] = positionals;
  const named = Object.hasOwn(commands, first) ? commands[first] : undefined;
  requireOptionsFor(named === undefined ? '' : first, options);
  const lang = options.lang ?? environmentLanguage(context.env);
  if (named !== undefined) return named({ program, args: rest, options, lang, context });
  codeCommand({ program, args: positionals, options, lang, context });
}

/**
 * Runs the command over `program`; resolves with the exit code: 0 done, 2 usage error (one line
 * on stderr, "see smtp-status --help"), 1 internal error (one line, "internal error", no stack).
 *
 * @example await runCli(['550', '--lang', 'fr'], context, program) // 0, the French text on context.stdout
 */
export async function runCli(argv: readonly string[], context: CliContext, program: Program): Promise<number> {
  try {
    const code = await dispatch(argv, context, program);
    return typeof code === 'number' ? code : 0;
  } catch (error) {
    // Messages quote what the user typed: escaped, like every other output, for the terminal.
    if (error instanceof UsageError) {
      context.stderr.write(terminalEscaped(`smtp-status: ${error.message} (see smtp-status --help)\n`));
      return 2;
    }
    if (error instanceof CommandError) {
      context.stderr.write(terminalEscaped(`smtp-status: ${error.message}\n`));
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    context.stderr.write(terminalEscaped(`smtp-status: internal error: ${message}\n`));
    return 1;
  }
}
