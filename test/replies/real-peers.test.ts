// A real SMTP server (smtp-server) on 127.0.0.1 and a real client (nodemailer): the errors the
// client reports are what `explain` is for.
import { type AddressInfo, createServer, type Server } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { explain, type SmtpErrorLike } from '../../src/index.ts';
import { enhancedText, localeFile } from '../helpers/locale-files.ts';
import * as timeouts from '../helpers/timeouts.ts';

// Gmail answers an unknown recipient over several lines, the enhanced code on each.
const unknownUser = [
  '5.1.1 The email account that you tried to reach does not exist. Please try',
  "5.1.1 double-checking the recipient's email address for typos or",
  '5.1.1 unnecessary spaces.',
];

/** Starts a server that refuses nobody@ (550 5.1.1) and full@ (452 4.2.2), accepts the rest. */
async function startServer(): Promise<{ server: SMTPServer; port: number; received: string[] }> {
  const received: string[] = [];
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) {
        callback(Object.assign(new Error(unknownUser.join(' ')), { responseCode: 550 }));
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

/**
 * smtp-server sends a handler's error on one line; a reply over several lines, as Gmail sends
 * it, needs a server that writes its own lines: this one answers each command from a script.
 */
async function startScriptedServer(answers: Record<string, string>): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    socket.write('220 scripted.test ESMTP\r\n');
    let pending = '';
    socket.on('data', (chunk) => {
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n'); end !== -1; end = pending.indexOf('\r\n')) {
        const command = pending.slice(0, end).split(/[ :]/u)[0]?.toUpperCase() ?? '';
        pending = pending.slice(end + 2);
        socket.write(`${answers[command] ?? '502 5.5.1 Not in this script'}\r\n`);
        if (command === 'QUIT') socket.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

// Every test here starts a server and talks to it.
describe('against a real SMTP server and nodemailer', { timeout: timeouts.processes }, () => {
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

      for (const lang of ['fr', 'ar']) {
        expect(explain(unknown, lang)).toMatchObject({
          code: 550,
          name: 'MailboxUnavailable',
          lang,
          text: enhancedText(lang, '5.1.1'),
          kind: 'permanent',
          retryable: false,
          enhanced: { code: '5.1.1', text: enhancedText(lang, '5.1.1'), source: 'registry' },
          reply: { lines: [unknownUser.join(' ')] },
        });
        expect(explain(unknown, lang).reply?.text).toMatch(/^The email account .* unnecessary spaces\.$/u);
        expect(explain(full, lang)).toMatchObject({
          code: 452,
          text: enhancedText(lang, '4.2.2'),
          kind: 'transient',
          retryable: true,
          enhanced: { code: '4.2.2', text: enhancedText(lang, '4.2.2') },
          reply: { text: 'Mailbox full, try again later' },
        });
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('explains a send every recipient refused as a whole: the permanent refusal, not the last reply', async () => {
    const { server, port } = await startServer();
    try {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      const error: unknown = await transport
        .sendMail({ from: 'sender@example.com', to: ['nobody@example.com', 'full@example.com'], text: 'Hello' })
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      transport.close();
      // What nodemailer hands over: the last reply (452) on the error, both in rejectedErrors.
      expect(error).toMatchObject({ code: 'EENVELOPE', responseCode: 452 });
      expect((error as { rejectedErrors: unknown[] }).rejectedErrors).toHaveLength(2);
      expect(explain(error, 'de')).toMatchObject({
        code: 550,
        kind: 'permanent',
        retryable: false,
        text: enhancedText('de', '5.1.1'),
        reason: { id: 'user-unknown' },
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('explains a reply over several lines, as nodemailer hands it over', async () => {
    const multiLine = unknownUser.map((line, index) => `550${index < unknownUser.length - 1 ? '-' : ' '}${line}`);
    const { server, port } = await startScriptedServer({
      EHLO: '250 scripted.test',
      MAIL: '250 2.1.0 OK',
      RCPT: multiLine.join('\r\n'),
      RSET: '250 2.0.0 OK',
      QUIT: '221 2.0.0 Bye',
    });
    try {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      const error = await transport.sendMail({ from: 'a@example.com', to: 'nobody@example.com', text: 'x' }).then(
        () => undefined,
        (caught: unknown) => caught as SmtpErrorLike,
      );
      transport.close();
      expect(error?.response?.split('\n')).toHaveLength(3);
      expect(explain(error as SmtpErrorLike, 'fr')).toMatchObject({
        code: 550,
        kind: 'permanent',
        enhanced: { code: '5.1.1', text: enhancedText('fr', '5.1.1') },
        reply: { lines: unknownUser },
      });
      expect(explain(error as SmtpErrorLike, 'fr').reply?.text).toMatch(/^The email account .* unnecessary spaces\.$/u);
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
      text: localeFile('fr').causes?.['connection-refused'],
      cause: { id: 'connection-refused' },
      retryable: true,
    });
  });
});
