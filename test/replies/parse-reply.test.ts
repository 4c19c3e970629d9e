import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explain, parseReply, type ReplyString, safeParseReply } from '../../src/index.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

interface CorpusEntry {
  provider: string;
  reply: string;
  code: number;
  enhanced: string | null;
  lines: number;
  kind: string;
  retryable: boolean;
  registered: boolean | null;
}

const corpus: CorpusEntry[] = JSON.parse(
  readFileSync(join(projectRoot, 'test', 'fixtures', 'replies', 'replies.json'), 'utf8'),
);

describe('parseReply', () => {
  it('reads one line: code, enhanced code, text without them', () => {
    expect(parseReply('550 5.1.1 User unknown')).toEqual({
      code: 550,
      enhanced: { class: 5, subject: 1, detail: 1 },
      text: 'User unknown',
      lines: ['5.1.1 User unknown'],
    });
    expect(parseReply('250 OK')).toEqual({ code: 250, text: 'OK', lines: ['OK'] });
    expect(parseReply('354')).toEqual({ code: 354, text: '', lines: [''] });
  });

  it('reads continuation lines (CRLF or LF, and a trailing line break) into one text', () => {
    const expected = {
      code: 550,
      enhanced: { class: 5, subject: 1, detail: 1 },
      text: 'The account does not exist. Please check the address.',
      lines: ['5.1.1 The account does not exist.', '5.1.1 Please check the address.'],
    };
    expect(parseReply('550-5.1.1 The account does not exist.\r\n550 5.1.1 Please check the address.\r\n')).toEqual(
      expected,
    );
    expect(parseReply('550-5.1.1 The account does not exist.\n550 5.1.1 Please check the address.')).toEqual(expected);
  });

  it('keeps a text that only mentions an enhanced code later on', () => {
    const reply = parseReply('451 Temporary failure, see 4.7.1 in our docs');
    expect(reply.enhanced).toBeUndefined();
    expect(reply.text).toBe('Temporary failure, see 4.7.1 in our docs');
    expect(parseReply('550 5.7.606 Access denied').enhanced).toEqual({ class: 5, subject: 7, detail: 606 });
    expect(parseReply('550 5.1.1').enhanced).toEqual({ class: 5, subject: 1, detail: 1 });
    expect(parseReply('550 5.1.1.2 text').enhanced).toBeUndefined();
  });

  it.each([
    ['', /empty|does not start/u],
    ['User unknown', /line 1 does not start with a reply code: "User unknown"/u],
    [' 550 5.1.1 indented', /line 1 does not start with a reply code/u],
    ['550-first\r\n451 second', /line 2 has code 451, the first line 550/u],
    ['600 Out of range', /reply code 600 is outside 200-599/u],
    ['199 Too low', /reply code 199 is outside 200-599/u],
    ['550 4.1.1 Class disagrees', /enhanced code 4\.1\.1 has class 4, but reply code 550 is of class 5/u],
    ['250 5.0.0 Class disagrees', /enhanced code 5\.0\.0 has class 5, but reply code 250 is of class 2/u],
    ['5500 Four digits', /line 1 does not start with a reply code/u],
    ['550first', /line 1 does not start with a reply code/u],
    ['550 ok\r\n\r\n550 gap', /line 2 does not start with a reply code/u],
  ])('refuses %j with a SyntaxError naming the problem; safeParseReply gives undefined', (input, message) => {
    expect(() => parseReply(input)).toThrow(SyntaxError);
    expect(() => parseReply(input)).toThrow(message);
    expect(safeParseReply(input)).toBeUndefined();
  });

  it('refuses what is not a string with a TypeError; safeParseReply gives undefined', () => {
    for (const input of [undefined, null, 550, {}, ['550 x']]) {
      expect(() => parseReply(input as never)).toThrow(TypeError);
      expect(safeParseReply(input)).toBeUndefined();
    }
  });

  it('reads a 1 MB reply line and a 1 MB reply of 20,000 lines', () => {
    const long = `550 5.7.1 ${'x'.repeat(1 << 20)}`;
    expect(parseReply(long).text).toHaveLength(1 << 20);
    const many = Array.from(
      { length: 20_000 },
      (_, index) => `452${index === 19_999 ? ' ' : '-'}4.2.2 ${'y'.repeat(48)}`,
    );
    const reply = parseReply(many.join('\r\n'));
    expect(reply.lines).toHaveLength(20_000);
    expect(reply.enhanced).toEqual({ class: 4, subject: 2, detail: 2 });
    expect(safeParseReply(`${'5'.repeat(1 << 20)}`)).toBeUndefined();
  });
});

describe(`a corpus of ${corpus.length} real-world replies`, () => {
  it('has at least 40 replies, 2xx 3xx 4xx 5xx, with and without enhanced codes, multi-line', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const digit of [2, 3, 4, 5]) expect(corpus.some((entry) => Math.trunc(entry.code / 100) === digit)).toBe(true);
    expect(corpus.some((entry) => entry.enhanced === null)).toBe(true);
    expect(corpus.some((entry) => entry.enhanced !== null && entry.lines > 1)).toBe(true);
    expect(corpus.some((entry) => entry.enhanced === null && entry.lines > 1)).toBe(true);
  });

  it.each(corpus.map((entry) => [entry.provider, entry.reply.split(/\r?\n/u)[0], entry] as const))(
    '%s: %s',
    (_, __, entry) => {
      const reply = parseReply(entry.reply);
      expect(reply.code).toBe(entry.code);
      expect(reply.lines).toHaveLength(entry.lines);
      expect(reply.enhanced ? `${reply.enhanced.class}.${reply.enhanced.subject}.${reply.enhanced.detail}` : null).toBe(
        entry.enhanced,
      );
      const explained = explain(entry.reply as ReplyString, 'fr');
      expect(explain(reply, 'fr')).toEqual(explained);
      expect(explained).toMatchObject({ code: entry.code, kind: entry.kind, retryable: entry.retryable });
      expect(explained.reply?.text).toBe(reply.text);
      expect(explained.enhanced?.source === undefined ? null : explained.enhanced.source === 'registry').toBe(
        entry.registered,
      );
    },
  );
});
