import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mailLogLines } from '../../bench/mail-log-lines.ts';
import { patternGrams } from '../../scripts/reasons/pattern-grams.ts';
import { reasonRules } from '../../src/internal/reason-rules.ts';
import { createPrefilter, mayHold, mayMatch } from '../../src/reasons/rule-prefilter.ts';
import { parseReply } from '../../src/replies/parse-reply.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

// The prefilter may let a rule through that does not match, never keep out one that does: checked
// for every rule against the fixtures' texts (each rule's own words are in some of them), the
// benchmark's log lines, and texts made to hold each rule's example phrases.
const dir = join(projectRoot, 'test', 'fixtures', 'reasons');
const texts = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .flatMap((file) => (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { replies: { reply: string }[] }).replies)
  .map(({ reply }) => parseReply(reply, { lenient: true }).text)
  .concat(mailLogLines(11).trimEnd().split('\n'));

const patterns = [
  ...reasonRules.words.map((rule) => ({ source: rule.words, grams: rule.grams })),
  ...reasonRules.providers
    .filter((sign) => sign.from === 'text')
    .map((sign) => ({ source: sign.match, grams: sign.grams })),
];
const prefilter = createPrefilter(patterns.map((pattern) => pattern.grams));

describe('the rule prefilter', () => {
  it('lets through every rule that matches, on every fixture text and in any case', () => {
    const missed: string[] = [];
    for (const text of texts.flatMap((own) => [own, own.toUpperCase()])) {
      const bits = mayMatch(prefilter, text);
      if (bits === undefined) continue;
      patterns.forEach(({ source }, index) => {
        if (new RegExp(source, 'iu').test(text) && !mayHold(bits, index)) missed.push(`${source} in ${text}`);
      });
    }
    expect(missed).toEqual([]);
  });

  it('keeps out most rules from a reply that names none of their words', () => {
    const bits = mayMatch(prefilter, 'OK: queued as 4ABC12345') as Int32Array;
    expect(patterns.filter((_, index) => mayHold(bits, index)).length).toBeLessThan(patterns.length / 4);
  });

  it('tries every rule on text that is not ASCII', () => {
    expect(mayMatch(prefilter, 'Benutzer unbekannt: Empfänger')).toBeUndefined();
  });

  it.each([
    ['user unknown|unknown user', ['unk']],
    ['(?:account|user) (?:is )?(?:disabled|locked)', ['abl', 'ock']],
    ['\\bspf\\b', ['spf']],
    ['(?:a|b) c', undefined],
    ['quota (?:est )?dépassé|boîte pleine', []],
    ['over (?:quota)?full', ['ver']],
  ])('finds the pieces of %s', (source, grams) => {
    expect(patternGrams(source)).toEqual(grams);
  });
});
