// docs/project/bounce-formats.md is read and checked by the build like the rule pages: a bad
// row stops it with the file and the line, and nothing is written.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFormatsPage, loadBounceFormats } from '../../scripts/bounces/load-bounce-formats.ts';
import { BuildError } from '../../scripts/build-problem.ts';
import { readHumanBounce } from '../../src/bounces/read-human.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const page = readFileSync(defaultFormatsPage, 'utf8');
const qmailDetect = '| qmail | detect | `This is the qmail-send program at ` |';

/** The page with `edit` applied, in a temporary folder; the problems the build names. */
function problems(edit: (text: string) => string): string[] {
  const path = join(tempDir(), 'bounce-formats.md');
  writeFileSync(path, edit(page));
  try {
    loadBounceFormats(path);
  } catch (error) {
    if (error instanceof BuildError) return error.message.split('\n');
    throw error;
  }
  throw new Error('the build accepted a bad page');
}

/** The 1-based line of the first line holding `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('the bounce formats page', () => {
  it('gives every format a detect and a recipient pattern, in the page order, qmail first (Yahoo sends a qmail-like text)', () => {
    const formats = loadBounceFormats();
    expect(formats[0]?.id).toBe('qmail');
    expect(formats.map((format) => format.id)).toContain('japanese-carrier');
    for (const format of formats) {
      expect(format.detect, format.id).not.toBe('');
      expect(format.recipient, format.id).not.toBe('');
    }
  });

  it('is what the reader matches: a qmail notice written for this test reads by its rows', () => {
    const text = [
      'Hi. This is the qmail-send program at mx.example.org.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.",
      '',
      '<ana@example.net>:',
      'Remote host said: 550 5.1.1 No such user',
      '',
    ].join('\n');
    expect(readHumanBounce(text)).toMatchObject({
      format: 'qmail',
      recipients: [{ recipient: 'ana@example.net', status: '5.1.1', diagnostic: '550 5.1.1 No such user' }],
    });
  });

  it.each([
    [
      'a pattern that backtracks without end',
      (text: string) => text.replace(qmailDetect, '| qmail | detect | `(a+)+b` |'),
      'the detect pattern: a group that repeats without bound holds a repetition or a choice',
    ],
    [
      'a recipient pattern without group 1',
      (text: string) =>
        text.replace('| qmail | recipient | `^<([^>\\s]+)>:[ \\t]*$` |', '| qmail | recipient | `^<[^>\\s]+>:` |'),
      'the recipient pattern has no group: group 1 is the address',
    ],
    [
      'a field that does not exist',
      (text: string) => text.replace(qmailDetect, '| qmail | sender | `This is the qmail-send program at ` |'),
      'column Field: not a field: "sender"',
    ],
    [
      'a second detect row',
      (text: string) => text.replace(qmailDetect, `${qmailDetect} - | x source long enough |\n${qmailDetect}`),
      'format qmail has a second detect row',
    ],
    [
      'a phrase without the status it means',
      (text: string) => text.replace('| 5.1.2 |', '| - |'),
      'a phrase row names the enhanced status it means',
    ],
    [
      'a second table',
      (text: string) => `${text}\n| Format | Field | Pattern | Status | Source |\n| --- | --- | --- | --- | --- |\n`,
      'a second table: a rule page holds one table',
    ],
    [
      'other columns',
      (text: string) =>
        text.replace('| Format | Field | Pattern | Status | Source |', '| Format | Field | Pattern | State | Source |'),
      "the table's columns are `| Format | Field | Pattern | State | Source |`",
    ],
    [
      'a row with a missing cell',
      (text: string) => text.replace(qmailDetect, '| qmail | detect |'),
      'cells; expected 5',
    ],
    ['no table at all', (text: string) => text.slice(0, text.indexOf('| Format |')), 'no table: expected one table'],
  ])('refuses %s, naming the file and the line', (_, edit, message) => {
    const found = problems(edit);
    expect(
      found.some((line) => line.includes(message)),
      found.join('\n'),
    ).toBe(true);
    expect(
      found.every((line) => /bounce-formats\.md:\d+: /u.test(line)),
      found.join('\n'),
    ).toBe(true);
  });

  it('names the line of the row at fault', () => {
    const edited = page.replace(qmailDetect, '| qmail | detect | `(a+)+b` |');
    const found = problems(() => edited);
    expect(found[0]).toContain(`bounce-formats.md:${lineOf(edited, '`(a+)+b`')}: `);
  });
});
