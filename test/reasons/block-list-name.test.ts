// The block list a reply names: looked for from the run of name characters that holds the first
// zone (listNamed), which must find what the pattern finds from the text's start.
import { describe, expect, it } from 'vitest';
import { classifyReason } from '../../src/reasons/classify-reason.ts';
import { compiledRules } from '../../src/reasons/compiled-rules.ts';
import { listIn, listNamed } from '../../src/reasons/reply-details.ts';
import { pieceTexts } from '../helpers/piece-texts.ts';

describe('the block list a reply names', () => {
  it.each([
    ['Client host [192.0.2.30] blocked using zen.spamhaus.org', 'zen.spamhaus.org'],
    // At most four labels before the zone.
    ['blocked using a.b.c.d.e.zen.spamhaus.org; see www.spamhaus.org', 'c.d.e.zen.spamhaus.org'],
    ['listed at www.SPAMCOP.net and at bl.spamcop.net', 'bl.spamcop.net'],
    ['see https://www.spamhaus.org/query/ip/192.0.2.1', 'spamhaus.org'],
    ['blocked using xzen.spamhaus.orgx, then b.barracudacentral.org', 'b.barracudacentral.org'],
    ['Listed by 192.0.2.1.zen.spamhaus.org', '0.2.1.zen.spamhaus.org'],
  ])('%j names %j', (text, list) => {
    expect(classifyReason({ code: 554, enhanced: '5.7.1', text })).toMatchObject({ list });
  });

  // Texts made of the pieces names are made of, in every order, with a fixed seed.
  const pieces = [
    'zen.',
    'spamhaus.org',
    'SPAMCOP.NET',
    'www.',
    'bl.',
    'a',
    '-',
    '.',
    ' ',
    '[',
    ']',
    'x',
    '1',
    'sorbs.net',
    'using ',
    ';',
    'é',
    'org',
    'spamhaus',
  ];
  const texts = pieceTexts(pieces, { count: 3000, longest: 14, seed: 11 });

  it('listNamed finds what the pattern finds from the start, on 3,000 texts (ASCII and not)', () => {
    const { blockList, zones } = compiledRules();
    const named = texts.filter((text) => listIn(text, blockList) !== undefined);
    expect(named.length).toBeGreaterThan(500);
    for (const text of texts) {
      // As classifyReason gives it: the lower case of ASCII text only.
      const lower = /^[\x00-\x7f]*$/u.test(text) ? text.toLowerCase() : undefined;
      expect(listNamed(text, lower, blockList, zones), text).toBe(listIn(text, blockList));
    }
  });
});
