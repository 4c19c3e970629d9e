// A reviewed table of real replies, pinned word for word in English and French: what a mail
// client shows for each (test/fixtures/real-replies.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it, describe as suite } from 'vitest';
import { describe, explain, type ReplyString } from '../../src/index.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

const replies = readFileSync(join(projectRoot, 'test', 'fixtures', 'real-replies.md'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => {
    const [reply = '', cls = '', english = '', french = ''] = line.slice(2, -2).split(' | ');
    return { reply: reply.slice(1, -1) as ReplyString, cls: Number(cls), english, french };
  });

const kinds: Record<number, string> = { 2: 'positive', 4: 'transient', 5: 'permanent' };

suite('reviewed real replies', () => {
  it('has at least 40 replies of every class, the nine the texts were reviewed for among them', () => {
    expect(replies.length).toBeGreaterThanOrEqual(40);
    expect(new Set(replies.map(({ cls }) => cls))).toEqual(new Set([2, 4, 5]));
    const codes = new Set(replies.map(({ reply }) => reply.slice(0, 9)));
    for (const pair of [
      '451 4.7.1',
      '450 4.2.1',
      '421 4.7.0',
      '452 4.2.2',
      '250 2.6.0',
      '235 2.7.0',
      '550 5.7.1',
      '554 5.7.1',
      '550 5.1.1',
    ]) {
      expect(codes, pair).toContain(pair);
    }
  });

  it.each(replies)('$reply', ({ reply, cls, english, french }) => {
    expect(explain(reply, 'en').kind).toBe(kinds[cls]);
    expect(describe(reply, 'en')).toBe(english);
    expect(describe(reply, 'fr')).toBe(french);
    expect(explain(reply, 'fr-FR').text).toBe(french);
  });
});
