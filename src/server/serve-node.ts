import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { FetchHandler } from './app.js';

/** A server listening on Node. */
export interface NodeServer {
  /** Where it listens: `http://127.0.0.1:8025/`. */
  url: string;
  /** Stops accepting, lets requests in flight complete, then resolves (connections still open after `graceMs` are cut). */
  close(graceMs?: number): Promise<void>;
}

/**
 * Serves a handler on Node through Hono's Node adapter.
 *
 * @example const server = await listen(handler, { port: 8025, host: '127.0.0.1' }); console.log(server.url)
 */
export function listen(handler: FetchHandler, options: { port: number; host: string }): Promise<NodeServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: handler, port: options.port, hostname: options.host }, () => {
      server.off('error', reject);
      const { address, family, port } = server.address() as AddressInfo;
      const host = family === 'IPv6' ? `[${address}]` : address;
      resolve({ url: `http://${host}:${port}/`, close: (graceMs) => closeGracefully(server as Server, graceMs) });
    });
    server.once('error', reject);
  });
}

function closeGracefully(server: Server, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    // Keep-alive connections idle now, or once their request in flight is answered, would hold
    // `close` open: they are closed as they become idle; whatever is left after the grace is cut.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Where `smtp-status serve` writes, and how it learns to stop. */
export interface ServeContext {
  stdout: { write(text: string): unknown };
  /** Resolves on SIGINT or SIGTERM. */
  stopped: Promise<unknown>;
}

/**
 * `smtp-status serve`: listens, prints the URL as the first line, and on `stopped` stops
 * gracefully: requests in flight complete, then it resolves.
 *
 * @example await runServe(handler, { port: 8025, host: '127.0.0.1' }, { stdout: process.stdout, stopped })
 */
export async function runServe(
  handler: FetchHandler,
  options: { port: number; host: string },
  context: ServeContext,
): Promise<void> {
  const server = await listen(handler, options);
  context.stdout.write(`${server.url}\n`);
  await context.stopped;
  await server.close();
}
