// `smtp-status serve`: in process (the CLI's wiring), then as a real process stopped by signals.
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { listenError } from '../../src/cli/commands/serve.ts';
import { CommandError } from '../../src/cli/usage-error.ts';
import { run } from '../../src/cli.ts';
import { projectRoot } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

/** A stream double that keeps what is written. */
function captureOutput() {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

describe('smtp-status serve, in process', () => {
  it('prints the URL first, serves, and stops when told, with exit code 0', {
    timeout: timeouts.processes,
  }, async () => {
    const stdout = captureOutput();
    const stderr = captureOutput();
    let stop: () => void = () => {};
    const exit = run(['serve', '--port', '0'], {
      env: {},
      stdout,
      stderr,
      onStop: (handler) => {
        stop = handler;
      },
    });
    await expect.poll(() => stdout.text(), { timeout: timeouts.firstSign }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\n$/u);
    const url = stdout.text().trim();
    const response = await fetch(`${url}v1/codes/550`, { headers: { 'accept-language': 'fr-CA' } });
    expect(response.headers.get('content-language')).toBe('fr');
    expect(((await response.json()) as { name: string }).name).toBe('MailboxUnavailable');
    stop();
    expect(await exit).toBe(0);
    expect(stderr.text()).toBe('');
    await expect(fetch(`${url}healthz`)).rejects.toThrow();
  });

  it.each([
    [['serve', '--port', 'abc'], '--port must be a number from 0 to 65535, got "abc"'],
    [['serve', '--port', '70000'], '--port must be a number from 0 to 65535, got "70000"'],
    [['serve', 'now'], 'serve takes no argument, got "now"'],
    [['serve', '--host', '256.1.1.1'], '--host must be an IP address or a host name, got "256.1.1.1"'],
    [['serve', '--host', '10.0.0.01'], '--host must be an IP address or a host name, got "10.0.0.01"'],
    [
      ['550', '--port', '8080'],
      '--port, --host, --headers-timeout, --request-timeout, --keep-alive-timeout and --max-connections are for serve',
    ],
    [
      ['list', '--max-connections', '8'],
      '--port, --host, --headers-timeout, --request-timeout, --keep-alive-timeout and --max-connections are for serve',
    ],
    [['serve', '--headers-timeout', '0'], '--headers-timeout must be a whole number from 1, got "0"'],
    [['serve', '--keep-alive-timeout', '1.5'], '--keep-alive-timeout must be a whole number from 1, got "1.5"'],
    [['serve', '--max-connections', 'many'], '--max-connections must be a whole number from 1, got "many"'],
    [
      ['serve', '--headers-timeout', '5000', '--request-timeout', '1000'],
      '--headers-timeout must not be longer than --request-timeout',
    ],
  ])('%j is a usage error', async (argv, message) => {
    const stderr = captureOutput();
    expect(await run(argv, { env: {}, stdout: captureOutput(), stderr })).toBe(2);
    expect(stderr.text()).toContain(message);
  });

  it.each([
    ['ENOTFOUND', 'no address has this name (ENOTFOUND); choose another with --host'],
    ['EAI_AGAIN', 'the name could not be looked up (EAI_AGAIN); give an IP address with --host'],
    ['EADDRNOTAVAIL', 'this machine has no such address (EADDRNOTAVAIL); choose another with --host'],
  ])('a host the system cannot listen on (%s) is an error saying what to do, not an internal error', (code, words) => {
    const error = listenError(Object.assign(new Error(`listen ${code} mail.invalid`), { code }), {
      host: 'mail.invalid',
      port: 8025,
    });
    expect(error).toBeInstanceOf(CommandError);
    expect((error as Error).message).toBe(`cannot listen on mail.invalid:8025: ${words}`);
    // What it does not know stays as it is (an internal error, reported as one).
    const other = new Error('other');
    expect(listenError(other, { host: 'h', port: 1 })).toBe(other);
  });

  it('a port in use is an error naming it, exit code 1', { timeout: timeouts.processes }, async () => {
    const first = captureOutput();
    let stop: () => void = () => {};
    const running = run(['serve', '--port', '0'], {
      env: {},
      stdout: first,
      stderr: captureOutput(),
      onStop: (s) => (stop = s),
    });
    await expect.poll(() => first.text(), { timeout: timeouts.firstSign }).toMatch(/\n$/u);
    const port = new URL(first.text().trim()).port;
    const stderr = captureOutput();
    expect(await run(['serve', '--port', port], { env: {}, stdout: captureOutput(), stderr })).toBe(1);
    expect(stderr.text()).toBe(
      `smtp-status: cannot listen on 127.0.0.1:${port}: the port is in use (EADDRINUSE); choose another with --port\n`,
    );
    stop();
    expect(await running).toBe(0);
  });
});

/** A raw connection to a server: what it has been sent back, and whether the server closed it. */
async function rawClient(url: string) {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const state = { received: '', closed: false };
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (state.received += chunk));
  socket.on('error', () => {});
  socket.on('close', () => (state.closed = true));
  return { socket, state };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `serve` in process with the given flags; resolves with its URL and what stops it. */
async function serveInProcess(flags: string[]) {
  const stdout = captureOutput();
  let stop: () => void = () => {};
  const exit = run(['serve', '--port', '0', ...flags], {
    env: {},
    stdout,
    stderr: captureOutput(),
    onStop: (handler) => (stop = handler),
  });
  await expect.poll(() => stdout.text(), { timeout: 30_000 }).toMatch(/\n$/u);
  const finish = () => {
    stop();
    return exit;
  };
  return { url: stdout.text().trim(), stop: finish };
}

describe('smtp-status serve, with slow and idle clients (short limits from the flags)', () => {
  it(
    'closes a client that sends its headers a byte at a time, after the header timeout',
    async () => {
      const server = await serveInProcess(['--headers-timeout', '300', '--request-timeout', '600']);
      const { socket, state } = await rawClient(server.url);
      const request = `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ${'a'.repeat(200)}`;
      // One byte every 20 ms would take 4 s to finish; bounded at that many writes.
      for (let at = 0; at < request.length && !state.closed; at++) {
        socket.write(request[at] ?? '');
        await pause(20);
      }
      expect(state.closed).toBe(true);
      expect(state.received).toMatch(/^HTTP\/1\.1 408 /u);
      socket.destroy();
      expect(await server.stop()).toBe(0);
    },
    timeouts.processes,
  );

  it(
    'closes an idle keep-alive connection after the keep-alive timeout',
    async () => {
      const server = await serveInProcess(['--keep-alive-timeout', '200']);
      const { socket, state } = await rawClient(server.url);
      socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      // Polled for up to 2.5 s, half Node's default keep-alive: the answer, then the close.
      for (let tries = 0; tries < 50 && !state.closed; tries++) await pause(50);
      expect(state.received).toMatch(/^HTTP\/1\.1 200 /u);
      expect(state.received).toContain('{"status":"ok"}');
      expect(state.closed).toBe(true);
      socket.destroy();
      expect(await server.stop()).toBe(0);
    },
    timeouts.processes,
  );

  it(
    'closes connections past the cap as they come',
    async () => {
      const server = await serveInProcess(['--max-connections', '2']);
      const clients = [await rawClient(server.url), await rawClient(server.url)];
      const third = await rawClient(server.url);
      for (let tries = 0; tries < 100 && !third.state.closed; tries++) await pause(50);
      expect(third.state.closed).toBe(true);
      expect(third.state.received).toBe('');
      // The two within the cap are still served.
      clients[0]?.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
      for (let tries = 0; tries < 100 && !clients[0]?.state.closed; tries++) await pause(50);
      expect(clients[0]?.state.received).toMatch(/^HTTP\/1\.1 200 /u);
      for (const client of [...clients, third]) client.socket.destroy();
      expect(await server.stop()).toBe(0);
    },
    timeouts.processes,
  );
});

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `smtp-status serve` from the sources (the built CLI runs the same code); resolves with its URL. */
async function startServe(
  args: string[],
): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, [join(projectRoot, 'src', 'cli.ts'), 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]();
  const first = await lines.next();
  return { child, url: String(first.value ?? ''), exited };
}

/**
 * `serve` on its default port, which another test run on the same machine (a second clone, a
 * concurrent CI job) may hold for a few seconds: while the server says exactly that the port is
 * in use, wait for it, up to the process timeout; any other failure fails at once.
 */
async function startServeOnDefaultPort(): ReturnType<typeof startServe> {
  const deadline = Date.now() + timeouts.processes / 2;
  for (;;) {
    const started = await startServe([]);
    if (started.url !== '') return started;
    const stderr = await new Promise<string>((resolve) => {
      let text = '';
      started.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      started.child.stderr?.once('end', () => resolve(text));
    });
    if (!stderr.includes('the port is in use') || Date.now() > deadline) throw new Error(`serve failed: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

// Every test here starts `smtp-status serve` as a process.
describe('smtp-status serve, as a process', { timeout: timeouts.processes }, () => {
  it('on SIGTERM lets a request in flight complete, then exits 0', async () => {
    const { child, url, exited } = await startServe(['--port', '0']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const post = request(
        `${url}v1/explain?lang=fr`,
        { method: 'POST', headers: { 'content-type': 'text/plain' } },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      post.on('error', reject);
      // Half the body, then the signal, then the rest: the request is in flight when it comes.
      post.write('550 5.1.1 User unknown\n');
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => post.end('250 OK\n'), 500);
      }, 500);
    });
    const { status, body } = await answer;
    expect(status).toBe(200);
    expect(JSON.parse(body).results).toHaveLength(2);
    expect(await exited).toBe(0);
  });

  it('listens on 127.0.0.1:8025 by default; SIGINT with an idle keep-alive connection open exits 0', async () => {
    const { child, url, exited } = await startServeOnDefaultPort();
    expect(url).toBe('http://127.0.0.1:8025/');
    const response = await fetch(`${url}healthz`, { headers: { connection: 'keep-alive' } });
    expect(await response.json()).toEqual({ status: 'ok' });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
