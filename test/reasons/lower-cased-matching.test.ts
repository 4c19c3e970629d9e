import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyReason } from '../../src/reasons/classify-reason.ts';
import { parseReply } from '../../src/replies/parse-reply.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

// The classifier matches ASCII text lower-cased once with patterns compiled without flags, and any
// other text with the same patterns compiled `iu` (src/reasons/compiled-rules.ts). Both ways must
// give the same reason: checked on every reply fixture, in its own case, upper-cased, and with a
// non-ASCII word appended (which sends it the `iu` way).
const dir = join(projectRoot, 'test', 'fixtures', 'reasons');
const replies = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .flatMap(
    (file) =>
      (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { replies: { reply: string; host?: string }[] }).replies,
  );

function reasonOf(reply: string, host: string | undefined, text: (own: string) => string) {
  const parsed = parseReply(reply, { lenient: true });
  const { id, by, provider, disagrees, list } = classifyReason({
    code: parsed.code,
    enhanced: parsed.enhanced,
    text: text(parsed.text),
    host,
  });
  return { id, by, provider, disagrees, list };
}

describe('matching on lower-cased ASCII text and matching with flags iu agree', () => {
  it('has fixtures in ASCII to check', () => {
    expect(replies.filter(({ reply }) => /^[\x20-\x7e\r\n]*$/u.test(reply)).length).toBeGreaterThan(50);
  });

  it.each(replies.map(({ reply, host }) => [reply, host] as const))('%s', (reply, host) => {
    const own = reasonOf(reply, host, (text) => text);
    expect(reasonOf(reply, host, (text) => text.toUpperCase())).toEqual(own);
    expect(reasonOf(reply, host, (text) => `${text} é`)).toEqual(own);
  });
});
