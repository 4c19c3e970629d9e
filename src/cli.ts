#!/usr/bin/env node
// smtp-status: what an SMTP status code means, in the user's language. This entry wires the
// command (src/cli/run-cli.ts) to the shipped catalog and to the process.
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCatalogOfParts } from './catalog/create-catalog.js';
import { type CliContext, type Program, runCli } from './cli/run-cli.js';
import { stdinChunks } from './cli/stdin-chunks.js';
import { localeParts } from './internal/locale-parts.js';

export type { CliContext, Output } from './cli/run-cli.js';

const program: Program = {
  catalog: createCatalogOfParts(localeParts),
  // src/cli.ts and dist/cli.js both sit one folder below package.json.
  version: (): string => JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version,
  // The server (Hono and its Node adapter) is loaded for `serve` alone: lookups never pay for it.
  async serve(options, context) {
    const [{ runServe }, { handler }] = await Promise.all([import('./server/serve-node.js'), import('./server.js')]);
    await runServe(handler, options, context);
  },
};

/**
 * Runs the command with every shipped language; resolves with the exit code: 0 done, 2 usage
 * error, 1 internal error.
 *
 * @example await run(['550', '--lang', 'fr'], { env: process.env, stdout: process.stdout, stderr: process.stderr })
 */
export function run(argv: readonly string[], context: CliContext): Promise<number> {
  return runCli(argv, context, program);
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Ctrl-C: stop at once, with the status a shell gives an interrupted command (`serve` stops
  // gracefully instead, and exits 0).
  const interrupt = () => process.exit(130);
  process.on('SIGINT', interrupt);
  // A closed pipe (`smtp-status list | head -1`) ends the command quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`smtp-status: internal error: ${error.message}\n`);
    process.exit(1);
  });
  const onStop = (stop: () => void) => {
    process.off('SIGINT', interrupt);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  };
  const stdin = stdinChunks(0, () => process.stdin);
  const context = { env: process.env, stdout: process.stdout, stderr: process.stderr, stdin, onStop };
  process.exitCode = await run(process.argv.slice(2), context);
}
