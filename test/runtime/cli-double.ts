// Runs the command in process with test doubles for its streams, for the CLI's test files.
import { createCatalogOfParts } from '../../src/catalog/create-catalog.ts';
import type { Program } from '../../src/cli/context.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { type CliContext, run } from '../../src/cli.ts';
import { localeParts } from '../../src/internal/locale-parts.ts';

/** What one run gave: the exit code and everything written. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command with a fake terminal; returns its exit code and output. With `program`, runs
 * it over that program (a faulty catalog) instead of the shipped one.
 *
 * @example await cli(['550', '--lang', 'fr']) // { code: 0, stdout: '…\n', stderr: '' }
 */
export async function cli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  overrides: Partial<CliContext> = {},
  program?: Program,
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const context: CliContext = {
    env,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    ...overrides,
  };
  const code = program === undefined ? await run(args, context) : await runCli(args, context, program);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/**
 * A program over the shipped catalog whose `explain` is changed by `change` (to throw, or to
 * answer texts a catalog should never hold).
 *
 * @example programWith((explain) => () => { throw new Error('boom'); })
 */
export function programWith(
  change: (explain: Program['catalog']['explain']) => Program['catalog']['explain'],
): Program {
  const catalog = createCatalogOfParts(localeParts);
  return {
    catalog: { ...catalog, explain: change(catalog.explain) },
    version: () => '0.0.0',
    serve: () => Promise.reject(new Error('not served here')),
  };
}

/** An stdin that yields the given chunks. @example chunks('550 5.1.1 x\n') */
export async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  for (const part of parts) yield part;
}
