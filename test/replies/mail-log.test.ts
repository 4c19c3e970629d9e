// Mail log lines as Postfix, Exim, Sendmail, Exchange and bounces write them
// (test/fixtures/mail-logs/, each line with its expected result in expected.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, describe as suite } from 'vitest';
import { run } from '../../src/cli.ts';
import { describe, explain, explainLogLine, parseLogLine } from '../../src/index.ts';
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
