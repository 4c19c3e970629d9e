// `smtp-status serve`: the HTTP service, until SIGINT or SIGTERM.
import { show } from '../../errors/show-value.js';
import type { Invocation, ServeOptions } from '../context.js';
import { CommandError, UsageError } from '../usage-error.js';

/**
 * Checks `--port`, `--host` and the connection limits, then runs the program's server until what `context.onStop`
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
  const served: ServeOptions = { port: Number(port), host: hostOf(options.host) };
  for (const [flag, key] of serveLimitFlags) {
    const value = options[flag];
    if (value === undefined) continue;
    if (!/^\d{1,9}$/u.test(value) || Number(value) < 1) {
      throw new UsageError(`--${flag} must be a whole number from 1, got ${show(value)}`);
    }
    served[key] = Number(value);
  }
  // Node refuses a header timeout longer than the request timeout.
  if ((served.headersTimeout ?? 10_000) > (served.requestTimeout ?? 30_000)) {
    throw new UsageError('--headers-timeout must not be longer than --request-timeout');
  }
  const stopped = new Promise<void>((resolve) => context.onStop?.(resolve));
  await program.serve(served, { stdout: context.stdout, stopped }).catch((error: unknown) => {
    throw listenError(error, served);
  });
}

/** A listen failure the user can act on (a port in use…) as a one-line CommandError; anything else as it is. */
export function listenError(error: unknown, served: ServeOptions): unknown {
  const problem = listenProblems.get(String((error as { code?: unknown } | null)?.code));
  return problem === undefined ? error : new CommandError(`cannot listen on ${served.host}:${served.port}: ${problem}`);
}

/** `--host`, or the loopback address; dotted digits that are no IPv4 address (`256.1.1.1`) are a usage error, not a name to look up. */
function hostOf(host = '127.0.0.1'): string {
  if (/^[\d.]+$/u.test(host) && !ipv4.test(host)) {
    throw new UsageError(`--host must be an IP address or a host name, got ${show(host)}`);
  }
  return host;
}

// Four numbers of 0 to 255, without leading zeros (as `net.isIPv4` reads them).
const ipv4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/u;

/** What the system says when the server cannot listen, in words that say what to do. */
const listenProblems: ReadonlyMap<string, string> = new Map([
  ['EADDRINUSE', 'the port is in use (EADDRINUSE); choose another with --port'],
  ['EACCES', 'not allowed to use this port (EACCES); choose a port above 1023 with --port'],
  ['EADDRNOTAVAIL', 'this machine has no such address (EADDRNOTAVAIL); choose another with --host'],
  ['ENOTFOUND', 'no address has this name (ENOTFOUND); choose another with --host'],
  ['EAI_AGAIN', 'the name could not be looked up (EAI_AGAIN); give an IP address with --host'],
]);

/** The flags of serve's connection limits, and the option each sets. */
const serveLimitFlags = [
  ['headers-timeout', 'headersTimeout'],
  ['request-timeout', 'requestTimeout'],
  ['keep-alive-timeout', 'keepAliveTimeout'],
  ['max-connections', 'maxConnections'],
] as const;
