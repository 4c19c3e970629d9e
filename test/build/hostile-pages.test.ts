// Docs come from the web: huge, deep, binary or booby-trapped pages get a clear error with file
// and line, or a correct result, within bounded time and memory; nothing is ever evaluated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLocales } from '../../scripts/build-locales.ts';
import { BuildError } from '../../scripts/build-problem.ts';
import { docsWith, shown, tempDir } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'pages');
const germanPage = readFileSync(join(fixtures, 'valid-de', 'input.md'), 'utf8');
const lineCount = germanPage.split('\n').length;

/** The problems a build reports for the docs, or the built German locale. */
function build(pages: Record<string, string | Buffer>): { problems: string[] } | { de: Record<string, unknown> } {
  const docs = docsWith(pages);
  const out = tempDir();
  try {
    buildLocales({ docs, out, modules: tempDir() });
  } catch (error) {
    if (!(error instanceof BuildError)) throw error;
    return { problems: error.problems.map((p) => `${p.file.replace(shown(docs), '')}:${p.line}: ${p.message}`) };
  }
  return { de: JSON.parse(readFileSync(join(out, 'de.json'), 'utf8')) };
}

const withDescription = (text: string) =>
  germanPage.replace(/^(\| MailboxUnavailable \| `550` \|).*\|$/mu, `$1 ${text} |`);
const descriptionLine = germanPage.split('\n').findIndex((line) => line.startsWith('| MailboxUnavailable |')) + 1;

// Every test here runs the build on hostile pages.
describe('huge and deep pages', { timeout: timeouts.build }, () => {
  it('a 10 MB page: refused by its size, before any parsing', () => {
    const huge = `${germanPage}\n${'Lorem ipsum dolor sit amet. '.repeat(400_000)}\n`;
    expect(build({ 'de.md': huge })).toEqual({
      problems: [
        `/de.md:1: the page is too large (${Buffer.byteLength(huge)} bytes); the build reads pages of at most 262144 characters`,
      ],
    });
  });

  it('a table of 100,000 rows: refused (too large); 2,001 rows within the size: refused at the row', () => {
    const rows = (count: number) => Array.from({ length: count }, (_, i) => `| x${i} | y |`).join('\n');
    expect(build({ 'de.md': `${germanPage}\n| a | b |\n| - | - |\n${rows(100_000)}\n` })).toEqual({
      problems: [expect.stringMatching(/^\/de\.md:1: the page is too large \(1\d{6} bytes\)/u)],
    });
    const result = build({ 'de.md': `${germanPage}\n| a | b |\n| - | - |\n${rows(2_000)}\n` });
    expect(result).toEqual({
      problems: [expect.stringMatching(/^\/de\.md:\d+: more than 2000 table rows in one page$/u)],
    });
  });

  it('deep nesting and very long lines are refused at their line', () => {
    const deepQuote = `${germanPage}\n${'> '.repeat(33)}deep\n`;
    expect(build({ 'de.md': deepQuote })).toEqual({
      problems: [
        `/de.md:${lineCount + 1}: nested too deeply: more than 64 characters of indentation, \`>\` or list markers`,
      ],
    });
    const deepList = `${germanPage}\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`;
    expect(build({ 'de.md': deepList })).toEqual({
      problems: [expect.stringMatching(new RegExp(`^/de\\.md:${lineCount + 33}: nested too deeply`, 'u'))],
    });
    expect(build({ 'de.md': `${germanPage}\n${'['.repeat(100_000)}\n` })).toEqual({
      problems: [`/de.md:${lineCount + 1}: line of 100000 characters; a docs page line may hold at most 4000`],
    });
  });

  it('a page at the limits (32 nested quotes on 3,000 lines) still builds correctly', () => {
    const page = `${germanPage}\n${`${'> '.repeat(32)}deep\n`.repeat(3000)}`;
    const result = build({ 'de.md': page });
    expect(result).toMatchObject({ de: { lang: 'de', codes: { Ok: expect.any(String) } } });
  });
});

describe('binary files and booby-trapped cells', { timeout: timeouts.build }, () => {
  it('a binary .md file among the docs is refused by name; other files are not read', () => {
    const binary = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256));
    expect(build({ 'de.md': germanPage, 'image.md': binary })).toEqual({
      problems: ['/image.md:1: not a text page (it holds NUL bytes)'],
    });
    const withoutNul = Buffer.from(Array.from({ length: 100_000 }, (_, i) => 1 + ((i * 7919) % 255)));
    expect(build({ 'de.md': germanPage, 'noise.md': withoutNul })).toMatchObject({
      problems: [expect.stringMatching(/^\/noise\.md:1: /u)],
    });
    expect(build({ 'de.md': germanPage, 'logo.png': binary })).toMatchObject({ de: { lang: 'de' } });
  });

  it('ANSI escapes, C1 controls and bidirectional overrides in a cell are refused at their line', () => {
    for (const [text, message] of [
      ['Rot \u001b[31mALARM\u001b[0m', 'control character in description'],
      ['Titel \u001b]0;pwned\u0007', 'control character in description'],
      ['CSI \u009b31m', 'control character in description'],
      ['Trojan \u202Eevil\u202C', 'bidirectional control character in description'],
      ['Isolat \u2067x\u2069', 'bidirectional control character in description'],
    ]) {
      expect(build({ 'de.md': withDescription(text ?? '') })).toEqual({
        problems: [`/de.md:${descriptionLine}: MailboxUnavailable: ${message}`],
      });
    }
  });

  it('raw HTML in a cell is kept as plain text, and Unicode is normalised to NFC; RTL marks stay', () => {
    const html = '<b>fett</b> & <script>alert(1)</script> <img src=x onerror=alert(1)>';
    expect(build({ 'de.md': withDescription(html) })).toMatchObject({ de: { codes: { MailboxUnavailable: html } } });
    const decomposed = 'Mo\u0308glich \u0627\u0644\u200F (RTL)';
    expect(build({ 'de.md': withDescription(decomposed) })).toMatchObject({
      de: { codes: { MailboxUnavailable: decomposed.normalize('NFC') } },
    });
  });

  it('YAML that would build objects or run code is refused, never evaluated', () => {
    const marker = join(tempDir(), 'ran');
    const js = germanPage.replace(/^---\n/u, `---js\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, 'x')\n`);
    expect(build({ 'de.md': js })).toEqual({
      problems: ['/de.md:1: front matter in js is not accepted: only YAML is'],
    });
    const tagged = germanPage.replace(/^---\n/u, '---\nx: !!js/function "function () { return 1 }"\n');
    expect(build({ 'de.md': tagged })).toMatchObject({
      problems: [expect.stringMatching(/^\/de\.md:2: broken front matter/u)],
    });
    const aliases = germanPage.replace(
      /^---\n/u,
      `---\na: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join('\n')}\n`,
    );
    // A "billion laughs" alias bomb: aliases stay references, the page builds as if they were not there.
    expect(build({ 'de.md': aliases })).toMatchObject({ de: { lang: 'de' } });
    expect(() => readFileSync(marker)).toThrow(/ENOENT/u);
  });
});
