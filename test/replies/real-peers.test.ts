// A real SMTP server (smtp-server) on 127.0.0.1 and a real client (nodemailer): the errors the
// client reports are what `explain` is for.
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { explain, type SmtpErrorLike } from '../../src/index.ts';
import { localeFile } from '../helpers/locale-files.ts';

// Gmail answers an unknown recipient over several lines, the enhanced code on each.
const unknownUser = [
  '5.1.1 The email account that you tried to reach does not exist. Please try',
  "5.1.1 double-checking the recipient's email address for typos or",
  '5.1.1 unnecessary spaces.',
];

interface Connection {
  session: SMTPServerSession;
  send(code: number, data: string | string[], context?: unknown): void;
}

/** Starts a server that refuses nobody@ (550, multi-line) and full@ (452 4.2.2), accepts the rest. */
async function startServer(): Promise<{ server: SMTPServer; port: number; received: string[] }> {
  const received: string[] = [];
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, session, callback) {
      if (address.address.startsWith('nobody@')) {
        // smtp-server sends a handler's error on one line; this reply must span several, so
        // the connection's next reply is given its lines.
        const connections = (server as unknown as { connections: Set<Connection> }).connections;
        const connection = [...connections].find((candidate) => candidate.session === session);
        if (connection) {
          const send = connection.send;
          connection.send = (code, _data, context) => {
            connection.send = send;
            send.call(connection, code, unknownUser, context);
          };
        }
        callback(Object.assign(new Error('unknown user'), { responseCode: 550 }));
        return;
      }
      if (address.address.startsWith('full@')) {
        callback(Object.assign(new Error('4.2.2 Mailbox full, try again later'), { responseCode: 452 }));
        return;
      }
      received.push(address.address);
      callback();
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, received };
}

describe('against a real SMTP server and nodemailer', () => {
  it('explains the rejections nodemailer reports, in French and Arabic', async () => {
    const { server, port, received } = await startServer();
    try {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      const info = await transport.sendMail({
        from: 'sender@example.com',
        to: ['nobody@example.com', 'full@example.com', 'someone@example.com'],
        subject: 'Test',
        text: 'Hello',
      });
      transport.close();
      expect(received).toEqual(['someone@example.com']);
      expect(info.rejected).toEqual(['nobody@example.com', 'full@example.com']);
      const [unknown, full] = (info as unknown as { rejectedErrors: SmtpErrorLike[] }).rejectedErrors;
      if (!unknown || !full) throw new Error('nodemailer reported no rejection errors');
      expect(unknown.response?.split('\n')).toHaveLength(3);

      for (const lang of ['fr', 'ar']) {
        const locale = localeFile(lang);
        expect(explain(unknown, lang)).toMatchObject({
          code: 550,
          name: 'MailboxUnavailable',
          lang,
          text: locale.codes.MailboxUnavailable,
          kind: 'permanent',
          retryable: false,
          enhanced: { code: '5.1.1', text: locale.enhanced?.texts['X.1.1'], source: 'registry' },
          reply: { lines: unknownUser },
        });
        expect(explain(unknown, lang).reply?.text).toMatch(/^The email account .* unnecessary spaces\.$/u);
        expect(explain(full, lang)).toMatchObject({
          code: 452,
          text: locale.codes.InsufficientStorage,
          kind: 'transient',
          retryable: true,
          enhanced: { code: '4.2.2', text: locale.enhanced?.texts['X.2.2'] },
          reply: { text: 'Mailbox full, try again later' },
        });
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('explains a refused connection as GeneralFailure, retryable', async () => {
    const { server, port } = await startServer();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port, connectionTimeout: 2000 });
    const error = await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', text: 'x' }).then(
      () => undefined,
      (caught: unknown) => caught as SmtpErrorLike,
    );
    // nodemailer reports a refused connection as ESOCKET, with the system's ECONNREFUSED in the message.
    expect(error?.code).toBe('ESOCKET');
    expect(String((error as Error | undefined)?.message)).toContain('ECONNREFUSED');
    expect(error?.responseCode).toBeUndefined();
    expect(explain(error as SmtpErrorLike, 'fr')).toMatchObject({
      code: -1,
      name: 'GeneralFailure',
      text: localeFile('fr').codes.GeneralFailure,
      retryable: true,
    });
  });
});
