// `smtp-status serve`: the HTTP service, until SIGINT or SIGTERM.
import { show } from '../../errors/show-value.js';
import type { Invocation } from '../context.js';
import { UsageError } from '../usage-error.js';

/**
 * Checks `--port` and `--host`, then runs the program's server until what `context.onStop`
 * registers stops it.
 *
 * @example await serveCommand({ program, args: [], options: { port: '0' }, lang: undefined, context })
 */
export async function serveCommand({ program, args, options, context }: Invocation): Promise<void> {
  if (args.length > 0) throw new UsageError(`serve takes no argument, got ${show(args[0])}`);
  const port = options.port ?? '8025';
  if (!/^\d{1,5}$/u.test(port) || Number(port) > 65535) {
    throw new UsageError(`--port must be a number from 0 to 65535, got ${show(port)}`);
  }
  const stopped = new Promise<void>((resolve) => context.onStop?.(resolve));
  await program.serve({ port: Number(port), host: options.host ?? '127.0.0.1' }, { stdout: context.stdout, stopped });
}
