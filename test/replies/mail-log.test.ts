// Mail log lines as Postfix, Exim, Sendmail, Exchange and bounces write them
// (test/fixtures/mail-logs/, each line with its expected result in expected.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, describe as suite } from 'vitest';
import { run } from '../../src/cli.ts';
import { describe, explain, explainLogLine, parseLogLine } from '../../src/index.ts';
import { enhancedText, localeFile, localeFiles } from '../helpers/locale-files.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

const dir = join(projectRoot, 'test', 'fixtures', 'mail-logs');
type Expected = {
  recipient?: string;
  code: number;
  enhanced?: string;
  agrees?: boolean;
  kind: string;
  retryable: boolean;
  detail?: string;
} | null;
const expected: Record<string, Expected[]> = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
const linesOf = (file: string) => readFileSync(join(dir, file), 'utf8').trimEnd().split('\n');

suite('explainLogLine', () => {
  it.each([[null], [undefined], [550], [{}], [['550 5.1.1 x']]])(
    'throws a TypeError naming %j, which is not a line, from parseLogLine and explainLogLine',
    (input) => {
      for (const read of [() => parseLogLine(input as never), () => explainLogLine(input as never, 'fr')]) {
        expect(read).toThrow(TypeError);
        expect(read).toThrow(/^Not a mail log line: .+ \(expected a string, got (null|undefined|number|object)\)$/u);
      }
    },
  );

  it.each(Object.keys(expected))('%s: every line gives its expected result', (file) => {
    const lines = linesOf(file);
    expect(lines).toHaveLength(expected[file]?.length ?? -1);
    lines.forEach((line, index) => {
      const want = expected[file]?.[index];
      const got = explainLogLine(line, 'fr');
      if (want === null || want === undefined) {
        expect(got, `${file}:${index + 1}`).toBeUndefined();
        return;
      }
      expect(got, `${file}:${index + 1}`).toBeDefined();
      expect(got?.recipient).toBe(want.recipient);
      expect(got?.code).toBe(want.code);
      expect(got?.enhanced?.code).toBe(want.enhanced);
      expect(got?.enhanced?.agrees ?? true).toBe(want.agrees ?? true);
      expect([got?.kind, got?.retryable]).toEqual([want.kind, want.retryable]);
      expect(got?.detail).toBe(want.detail);
      expect(got?.lang).toBe('fr');
      // What the line quotes is explained as `explain` explains it.
      const entry = parseLogLine(line);
      const { recipient: _r, detail: _d, ...plain } = got ?? {};
      expect(plain).toEqual(explain(entry?.reply ?? entry?.enhanced, 'fr'));
    });
  });

  it('takes the reply over the dsn, strips Postfix’s "(in reply to … command)" and keeps the server’s words', () => {
    const [line] = linesOf('postfix.log');
    expect(parseLogLine(line ?? '')).toEqual({
      recipient: 'user@acme.example',
      reply: '550 5.1.1 <user@acme.example>: Recipient address rejected: User unknown in virtual mailbox table',
    });
  });

  it('reads a reply after other words than "said:" (Postfix, Sendmail) and Exchange’s quote in any case', () => {
    const postfix = linesOf('postfix.log');
    expect(parseLogLine(postfix[8] ?? '')).toEqual({
      recipient: 'grace@example.org',
      reply: '421 4.7.0 mx.example.org Too many connections from your address, closing transmission channel',
    });
    expect(parseLogLine(postfix[9] ?? '')?.reply).toBe('421 4.3.2 Service shutting down, closing transmission channel');
    expect(parseLogLine(linesOf('sendmail.log')[4] ?? '')).toEqual({
      recipient: 'erin@example.org',
      reply: '421 4.3.2 Service not available, closing transmission channel',
    });
    const exchange = linesOf('exchange.log');
    expect(parseLogLine(exchange[5] ?? '')?.reply).toBe('452 4.3.1 Insufficient system resources');
    // The apostrophes of "can't" and "sender's" are inside the server's words, not the closing quote.
    expect(parseLogLine(exchange[6] ?? '')?.reply).toBe(
      "554 5.7.1 Message can't be accepted: see the policy at the sender's site",
    );
  });

  it.each(localeFiles.map(({ lang }) => lang))(
    '%s: a line with only dsn=4.7.0 is described by its enhanced code, never as "Not defined"',
    (lang) => {
      for (const line of ['dsn=4.7.0', 'x postfix/smtp[1]: A: to=<a@example.org>, dsn=4.7.0']) {
        const got = explainLogLine(line, lang);
        expect(got).toMatchObject({ code: 0, kind: 'transient', retryable: true, enhanced: { code: '4.7.0' } });
        // The class sentence 4.X.X then the subject sentence X.7.0, as the page writes them.
        expect(got?.text).toBe(enhancedText(lang, '4.7.0'));
        expect(got?.text).toContain(localeFile(lang).enhanced?.['X.7.0']);
        expect(got?.text).not.toBe(describe(0, lang));
      }
    },
  );

  it('finds each phrase it looks for past look-alikes that end the same way', () => {
    const line =
      'Jun 17 10:23:09 mx postfix/smtp[1]: 4F1A: orig_to=<alias@example.com>, to=<real@example.com>, relay=mx.example.com[198.51.100.9]:25, dsn=5.1.1, status=bounced (host mx.example.com[198.51.100.9] unsaid: 421 no; said: 550 5.1.1 Unknown user x(in reply to y (in reply to RCPT TO command))';
    expect(parseLogLine(line)).toEqual({
      recipient: 'real@example.com',
      reply: '550 5.1.1 Unknown user x(in reply to y',
    });
    expect(parseLogLine('2024-06-17 id ** a@b.c R=x: a; b;smtp #5.1.1 smtp;550 5.1.1 User unknown>')).toEqual({
      recipient: 'a@b.c',
      reply: '550 5.1.1 User unknown',
    });
    expect(
      parseLogLine('Jun 17 host sm-mta[7]: 4F1A: to=<a@b.c>, dsn=4.3.2, xstat=x, stat=Deferred: 421 4.3.2 Busy')?.reply,
    ).toBe('421 4.3.2 Busy');
  });

  it('reads hostile lines in bounded time (no quadratic scan, no backtracking)', () => {
    const n = 200_000;
    for (const line of [
      `x: to=<a@b.c>, dsn=4.7.0, status=deferred (${'host said: 9: '.repeat(n)})`,
      `x: dsn=4.3.2, stat=Deferred${': 55'.repeat(n)}`,
      `Remote server returned '${"can'x".repeat(n)}`,
      `REMOTE SERVER RETURNED '${"'".repeat(n)}550 5.1.1 x'`,
      `${'remote server returned '.repeat(n)}`,
      `${': '.repeat(n)}`,
      // Look-alikes of the phrases searched by their ends: `said: `, `to=`, `;`, `(in reply to `.
      `x: to=<a@b.c>, status=deferred (host x${'xsaid: '.repeat(n)})`,
      `x${'xto='.repeat(n)} ${';'.repeat(n)}`,
      `x: status=sent (250 ok${'x(in reply to '.repeat(n)})`,
    ]) {
      expect(() => explainLogLine(line, 'en')).not.toThrow();
    }
    expect(parseLogLine(`x stat=Deferred${': x'.repeat(n)}: 451 4.3.0 Try later`)?.reply).toBe('451 4.3.0 Try later');
  });

  it('gives nothing for lines without a reply or a status code, and never throws', () => {
    for (const line of [
      '',
      ' ',
      'hello',
      'dsn=',
      'dsn=9.9.9',
      ' said: ',
      "Remote Server returned '",
      'to=<',
      'smtp;',
      'status=(',
    ]) {
      expect(explainLogLine(line)).toBeUndefined();
    }
  });
});

/** What the text output shows of a line before its description. */
function fieldsOf(want: NonNullable<Expected>): string[] {
  const code = want.code === 0 ? '-' : String(want.code);
  return [want.recipient ?? '-', code, want.enhanced ?? '-', want.kind, want.retryable ? 'retryable' : 'final'];
}

suite('smtp-status explain < mail.log', () => {
  const all = Object.keys(expected).flatMap((file) =>
    linesOf(file).map((line, index) => ({ line, want: expected[file]?.[index] })),
  );
  const input = `${all.map(({ line }) => line).join('\n')}\n`;
  const cli = async (args: string[]) => {
    const sink = () => {
      let text = '';
      return { write: (chunk: string) => (text += chunk), text: () => text };
    };
    const stdout = sink();
    const stderr = sink();
    const code = await run(args, {
      env: {},
      stdout,
      stderr,
      stdin: (async function* () {
        yield input;
      })(),
    });
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  };

  it('prints per line the recipient, codes, kind, retryable, reason and text; an empty line for the rest', async () => {
    const result = await cli(['explain', '--lang', 'de']);
    expect(result.code).toBe(0);
    const out = result.stdout.split('\n').slice(0, -1);
    expect(out).toHaveLength(all.length);
    const expectedLine = ({ line, want }: (typeof all)[number]): string => {
      if (!want) return '';
      const entry = parseLogLine(line);
      const input = (entry?.reply ?? entry?.enhanced) as never;
      // The reason the library gives the line (which reason is right is the reason tests' matter;
      // here, that the column shows it, and `-` for none).
      const reason = explainLogLine(line, 'de')?.reason?.id ?? '-';
      // A reply alone prints its reason and description only.
      if (entry?.recipient === undefined && entry?.reply === line.trim()) return `${reason}\t${describe(input, 'de')}`;
      return [...fieldsOf(want), reason, describe(input, 'de')].join('\t');
    };
    expect(out).toEqual(all.map(expectedLine));
    const missing = all.filter(({ want }) => !want).length;
    expect(result.stderr).toMatch(new RegExp(`^smtp-status: ${missing} of ${all.length} lines had no SMTP reply`, 'u'));
  });

  it('never prints control characters of the log: a recipient holding an ANSI escape is shown with U+FFFD', async () => {
    const hostile =
      'x postfix/smtp[1]: A: to=<a\u001B[31m\u202E@example.org>, dsn=5.1.1, status=bounced (host mx said: 550 5.1.1 x)';
    const stdout = {
      text: '',
      write(chunk: string) {
        this.text += chunk;
      },
    };
    await run(['explain', '--lang', 'en'], {
      env: {},
      stdout,
      stderr: { write: () => true },
      stdin: (async function* () {
        yield `${hostile}\n`;
      })(),
    });
    expect(stdout.text.split('\t')[0]).toBe('a\uFFFD[31m\uFFFD@example.org');
  });

  it('--json: the explain object with recipient, detail and the line number', async () => {
    const out = (await cli(['explain', '--json', '--lang', 'it'])).stdout
      .trimEnd()
      .split('\n')
      .map((text: string) => JSON.parse(text));
    expect(out).toEqual(
      all.map(({ line, want }, index) =>
        want
          ? { ...explainLogLine(line, 'it'), line: index + 1 }
          : { error: 'no SMTP reply or status code', line: index + 1 },
      ),
    );
  });
});
