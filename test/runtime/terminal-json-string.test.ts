// The streaming CLI writes a log line's own fields with `terminalJsonString`: what
// `terminalEscaped(JSON.stringify(…))` writes, escaped in one pass.
import { describe, expect, it } from 'vitest';
import { jsonAsIs, terminalEscaped, terminalJsonString } from '../../src/cli/terminal-safe.ts';

const twice = (text: string) => terminalEscaped(JSON.stringify(text));

describe('terminalJsonString', () => {
  it('writes every UTF-16 code unit as JSON.stringify then terminalEscaped do, alone and within words', () => {
    const differ: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      for (const text of [char, `a@b${char}.c`]) if (terminalJsonString(text) !== twice(text)) differ.push(unit);
    }
    expect(differ).toEqual([]);
  });

  it('jsonAsIs: true exactly for the texts written as they are between quotes', () => {
    const differ: number[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const text = `a@b${String.fromCharCode(unit)}.c`;
      if (jsonAsIs(text) !== (twice(text) === `"${text}"`)) differ.push(unit);
    }
    expect(differ).toEqual([]);
    // A surrogate pair is one character, written as it is; a lone one is escaped.
    expect(jsonAsIs('😀')).toBe(true);
    expect(jsonAsIs('\ud83d')).toBe(false);
    expect(jsonAsIs('back\\slash')).toBe(false);
  });

  it.each([
    '',
    'user0@acme.example',
    'b"\u001b[31m@example.com',
    'back\\slash',
    '\u202eevil\u2066',
    'emoji 😀 and a lone \ud83d',
    'tab\tline\nfeed\u0085',
    'é ü 中文 العربية',
  ])('%j', (text) => {
    expect(terminalJsonString(text)).toBe(twice(text));
    expect(JSON.parse(terminalJsonString(text))).toBe(text);
  });
});
