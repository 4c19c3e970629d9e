// Every fixture of test/fixtures/bounces (one per format, written from each format's documentation)
// read in LF, CRLF and CR line endings against the JSON beside it, written by hand from the
// format's meaning. A new fixture is a new pair of files: no list to edit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainBounce } from '../../src/bounce.js';

const folder = join(import.meta.dirname, '..', 'fixtures', 'bounces');
const names = readdirSync(folder)
  .filter((name) => name.endsWith('.eml'))
  .map((name) => name.slice(0, -4));

type Expected = Record<string, unknown> & { recipients: (Record<string, unknown> & { enhanced?: string })[] };

/** The bytes with every line ending made `ending`. */
function withEndings(bytes: Buffer, ending: string): Buffer {
  return Buffer.from(bytes.toString('latin1').replace(/\r\n|\r|\n/gu, ending), 'latin1');
}

const endings = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;

describe.each(names)('%s', (name) => {
  const raw = readFileSync(join(folder, `${name}.eml`));
  const expected = JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8')) as Expected | null;

  it.each(Object.entries(endings))('reads the same with %s line endings', async (_label, ending) => {
    const explained = await explainBounce(withEndings(raw, ending), 'en');
    if (expected === null) {
      expect(explained).toBeUndefined();
      return;
    }
    expect(explained).toBeDefined();
    const { recipients, ...report } = expected;
    expect(explained).toMatchObject(report);
    expect(explained?.recipients).toHaveLength(recipients.length);
    for (const [index, want] of recipients.entries()) {
      const { enhanced, ...rest } = want;
      const got = explained?.recipients[index];
      expect(got).toMatchObject(rest);
      expect(got?.enhanced?.code).toBe(enhanced);
    }
  });
});

it('explains in the language asked for', async () => {
  const raw = readFileSync(join(folder, 'rfc3464-report.eml'));
  const [english, french] = await Promise.all([explainBounce(raw, 'en'), explainBounce(raw, 'fr')]);
  expect(french?.recipients[0]?.lang).toBe('fr');
  expect(french?.recipients[0]?.text).not.toBe(english?.recipients[0]?.text);
});
