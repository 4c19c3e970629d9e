import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { FetchHandler } from './handler-types.js';

/** A server listening on Node. */
export interface NodeServer {
  /** Where it listens: `http://127.0.0.1:8025/`. */
  url: string;
  /** Stops accepting, lets requests in flight complete, then resolves (connections still open after `graceMs` are cut). */
  close(graceMs?: number): Promise<void>;
}

/** How long a connection may take, and how many there may be: what a slow or idle client can hold. */
export interface ConnectionLimits {
  /** Milliseconds to receive a request's headers; then `408` and the connection is closed. */
  headersTimeout: number;
  /** Milliseconds to receive a whole request, body included. */
  requestTimeout: number;
  /** Milliseconds an idle keep-alive connection is kept open. */
  keepAliveTimeout: number;
  /** Connections open at once; more are closed as they come. */
  maxConnections: number;
}

/**
 * The limits of `smtp-status serve`, sized for a public lookup service: a request is a few
 * hundred bytes of headers and at most 1 MiB of body. 10 s of headers covers a slow mobile
 * link, where Node's default lets a slow client hold a connection for a minute; 30 s of request
 * carries 1 MiB at 35 kB/s; 5 s of idle keep-alive lets a page fetch its assets on one
 * connection; 512 connections stay well under the common limit of 1,024 open files.
 *
 * @example listen(handler, { port: 0, host: '127.0.0.1', ...defaultConnectionLimits, headersTimeout: 2000 })
 */
export const defaultConnectionLimits: Readonly<ConnectionLimits> = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  maxConnections: 512,
};

/** Where a server listens, and its connection limits (the defaults for those not given). */
export type ListenOptions = { port: number; host: string } & Partial<ConnectionLimits>;

/**
 * Serves a handler on Node through Hono's Node adapter, with connection limits.
 *
 * @example const server = await listen(handler, { port: 8025, host: '127.0.0.1' }); console.log(server.url)
 */
export function listen(handler: FetchHandler, options: ListenOptions): Promise<NodeServer> {
  const limits = { ...defaultConnectionLimits, ...definedOnly(options) };
  // Node checks the header and request timeouts every `connectionsCheckingInterval` (30 s by
  // default, which would stretch a 10 s timeout to 40 s): checked ten times per timeout here.
  const interval = Math.max(
    10,
    Math.min(1000, Math.floor(Math.min(limits.headersTimeout, limits.requestTimeout) / 10)),
  );
  const serverOptions = {
    headersTimeout: limits.headersTimeout,
    requestTimeout: limits.requestTimeout,
    keepAliveTimeout: limits.keepAliveTimeout,
    connectionsCheckingInterval: interval,
  };
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: handler, port: options.port, hostname: options.host, serverOptions }, () => {
      server.off('error', reject);
      (server as Server).maxConnections = limits.maxConnections;
      const { address, family, port } = server.address() as AddressInfo;
      const host = family === 'IPv6' ? `[${address}]` : address;
      resolve({ url: `http://${host}:${port}/`, close: (graceMs) => closeGracefully(server as Server, graceMs) });
    });
    server.once('error', reject);
  });
}

/** The connection limits an options object gives (an `undefined` one keeps its default). */
function definedOnly(options: Partial<ConnectionLimits>): Partial<ConnectionLimits> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
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
export async function runServe(handler: FetchHandler, options: ListenOptions, context: ServeContext): Promise<void> {
  const server = await listen(handler, options);
  context.stdout.write(`${server.url}\n`);
  await context.stopped;
  await server.close();
}
