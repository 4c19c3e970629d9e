// What nodemailer reports when a send fails without a reply, or refuses some recipients: a real
// nodemailer against a real smtp-server (or a bare socket) on 127.0.0.1, for every cause that
// can be produced locally. Each test starts servers: its timeout is test/helpers/timeouts.ts's.
import { type AddressInfo, createServer, type Server } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { explain, explainRecipients } from '../../src/index.ts';
import { localeFile } from '../helpers/locale-files.ts';
import * as timeouts from '../helpers/timeouts.ts';

async function listening<T extends Server | SMTPServer>(server: T): Promise<{ server: T; port: number }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = ((server instanceof SMTPServer ? server.server : server) as Server).address() as AddressInfo;
  return { server, port: address.port };
}

const closed = (server: Server | SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

/** smtp-server refusing nobody@ (550 5.1.1) and full@ (452 4.2.2), accepting the rest. */
function smtpServer(options: SMTPServerOptions = {}): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) {
        return callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 }));
      }
      if (address.address.startsWith('full@')) {
        return callback(Object.assign(new Error('4.2.2 Mailbox full'), { responseCode: 452 }));
      }
      callback();
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
    ...options,
  });
}

/** Sends with nodemailer and gives back what it rejected with (or the info when it did not). */
async function send(port: number, mail: object, options: object = {}): Promise<unknown> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 5_000,
    ...options,
  });
  try {
    return await transport.sendMail({ from: 'sender@example.com', subject: 'Test', text: 'Hello', ...mail });
  } catch (error) {
    return error;
  } finally {
    transport.close();
  }
}

describe('many recipients', () => {
  it(
    'explains every refused recipient of a partial send, each with its address',
    async () => {
      const { server, port } = await listening(smtpServer());
      try {
        const info = await send(port, { to: ['nobody@example.com', 'full@example.com', 'someone@example.com'] });
        expect(info).toMatchObject({ accepted: ['someone@example.com'] });
        const entries = explainRecipients(info, 'fr');
        expect(
          entries.map(({ recipient, code, enhanced, retryable }) => [recipient, code, enhanced?.code, retryable]),
        ).toEqual([
          ['nobody@example.com', 550, '5.1.1', false],
          ['full@example.com', 452, '4.2.2', true],
        ]);
        expect(entries[0]?.lang).toBe('fr');
      } finally {
        await closed(server);
      }
    },
    timeouts.processes,
  );

  it(
    'explains every recipient of a send they all refused, from the error',
    async () => {
      const { server, port } = await listening(smtpServer());
      try {
        const error = await send(port, { to: ['nobody@example.com', 'full@example.com'] });
        expect(error).toBeInstanceOf(Error);
        expect(explainRecipients(error, 'de').map((entry) => [entry.recipient, entry.code, entry.kind])).toEqual([
          ['nobody@example.com', 550, 'permanent'],
          ['full@example.com', 452, 'transient'],
        ]);
      } finally {
        await closed(server);
      }
    },
    timeouts.processes,
  );

  it('a successful send has nothing to explain; a failed send without rejections is one entry', () => {
    expect(explainRecipients({ accepted: ['a@example.com'], rejected: [] })).toEqual([]);
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET', originalCode: 'ECONNREFUSED' });
    expect(explainRecipients(refused)).toMatchObject([{ code: -1, cause: { id: 'connection-refused' } }]);
    expect(explainRecipients({ rejected: ['x@example.com'] })).toMatchObject([
      { recipient: 'x@example.com', cause: { id: 'unknown' } },
    ]);
  });
});

describe('client errors without a reply, from a real nodemailer', () => {
  const cause = (error: unknown) => {
    const explained = explain(error, 'it');
    return { id: explained.cause?.id, retryable: explained.retryable, text: explained.cause?.text };
  };
  const textOf = (id: string) => localeFile('it').causes?.[id];

  it(
    'refused port → connection-refused, retryable',
    async () => {
      const { server, port } = await listening(createServer());
      await closed(server);
      expect(cause(await send(port, { to: 'a@example.com' }))).toEqual({
        id: 'connection-refused',
        retryable: true,
        text: textOf('connection-refused'),
      });
    },
    timeouts.processes,
  );

  it(
    'greeting timeout → timeout, retryable',
    async () => {
      const sockets = new Set<import('node:net').Socket>();
      const { server, port } = await listening(createServer((socket) => sockets.add(socket)));
      try {
        const error = await send(port, { to: 'a@example.com' }, { greetingTimeout: 300 });
        expect(error).toMatchObject({ code: 'ETIMEDOUT' });
        expect(cause(error)).toMatchObject({ id: 'timeout', retryable: true });
      } finally {
        for (const socket of sockets) socket.destroy();
        await closed(server);
      }
    },
    timeouts.processes,
  );

  it(
    'server closing the connection → connection-lost, retryable',
    async () => {
      const { server, port } = await listening(createServer((socket) => socket.end()));
      try {
        const error = await send(port, { to: 'a@example.com' });
        expect(error).toMatchObject({ code: 'ECONNECTION' });
        expect(cause(error)).toMatchObject({ id: 'connection-lost', retryable: true });
      } finally {
        await closed(server);
      }
    },
    timeouts.processes,
  );

  it(
    'TLS required but not offered → tls-required, not retryable',
    async () => {
      const { server, port } = await listening(smtpServer());
      try {
        const error = await send(port, { to: 'a@example.com' }, { ignoreTLS: false, requireTLS: true });
        // nodemailer asks for STARTTLS anyway; the server's 500 is kept as what it said.
        expect(error).toMatchObject({ code: 'ETLS', command: 'STARTTLS', responseCode: 500 });
        expect(cause(error)).toMatchObject({ id: 'tls-required', retryable: false });
        expect(explain(error).reply?.text).toMatch(/command not recognized/u);
      } finally {
        await closed(server);
      }
    },
    timeouts.processes,
  );

  it(
    'missing credentials → no-credentials; refused credentials → the 535 reply, not retryable',
    async () => {
      const { server, port } = await listening(
        smtpServer({
          authOptional: false,
          allowInsecureAuth: true,
          onAuth: (_auth, _session, callback) => callback(new Error('5.7.8 Authentication credentials invalid')),
        }),
      );
      try {
        const missing = await send(port, { to: 'a@example.com' }, { auth: { user: 'someone' } });
        expect(cause(missing)).toMatchObject({ id: 'no-credentials', retryable: false });
        const refused = await send(port, { to: 'a@example.com' }, { auth: { user: 'someone', pass: 'wrong' } });
        expect(refused).toMatchObject({ code: 'EAUTH', responseCode: 535 });
        expect(explain(refused, 'it')).toMatchObject({ code: 535, retryable: false, enhanced: { code: '5.7.8' } });
      } finally {
        await closed(server);
      }
    },
    timeouts.processes,
  );

  it(
    'no recipients → no-recipients, not retryable',
    async () => {
      const { server, port } = await listening(smtpServer());
      try {
        const error = await send(port, {});
        expect(error).toMatchObject({ code: 'EENVELOPE' });
        expect(cause(error)).toMatchObject({ id: 'no-recipients', retryable: false });
      } finally {
        await closed(server);
      }
    },
    timeouts.processes,
  );
});
