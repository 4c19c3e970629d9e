import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLocales, loadRegistry } from '../../scripts/build-locales.ts';
import { BuildError } from '../../scripts/build-problem.ts';
import { docNames, docPath, docsWith, projectRoot, registryPath, shown, tempDir } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

const fixtures = join(projectRoot, 'test', 'fixtures', 'pages');
const registry = loadRegistry(registryPath).map((entry) => entry.key);
const badCases = readdirSync(fixtures).filter((name) => readdirSync(join(fixtures, name)).includes('error.txt'));

function buildError(dir: string): BuildError {
  try {
    loadLocales(dir, registry);
  } catch (error) {
    if (error instanceof BuildError) return error;
    throw error;
  }
  throw new Error('the build accepted a bad page');
}

// Every test here runs the build's parse and checks over the docs, some several times.
describe('a bad page stops the build with the file, the line and what is wrong', { timeout: timeouts.build }, () => {
  it('has a fixture for every kind of bad page the pipeline must refuse', () => {
    expect(badCases).toEqual(
      expect.arrayContaining([
        'missing-front-matter',
        'broken-front-matter',
        'no-language',
        'no-table',
        'unknown-member',
        'value-mismatch',
        'duplicate-row',
        'missing-member',
        'empty-description',
        'extra-columns',
        'duplicate-language',
        'js-front-matter',
        'control-character',
        'page-words-plural',
        'page-words-placeholder',
      ]),
    );
  });

  it.each(badCases)('%s', (name) => {
    const dir = docsWith({ 'page.md': readFileSync(join(fixtures, name, 'input.md')) });
    const expected = readFileSync(join(fixtures, name, 'error.txt'), 'utf8')
      .trimEnd()
      .replaceAll('{file}', shown(join(dir, 'page.md')))
      .replaceAll('{dir}', shown(dir));
    expect(buildError(dir).message).toBe(expected);
  });

  it('never evaluates `---js` front matter', () => {
    const dir = docsWith({ 'page.md': readFileSync(join(fixtures, 'js-front-matter', 'input.md')) });
    buildError(dir);
    expect((globalThis as { smtpStatusPwned?: boolean }).smtpStatusPwned).toBeUndefined();
  });

  it('reports every problem of every page at once, sorted by file and line', () => {
    const dir = docsWith({
      'a.md': readFileSync(join(fixtures, 'missing-member', 'input.md')),
      'b.md': readFileSync(join(fixtures, 'no-table', 'input.md')),
    });
    const { problems } = buildError(dir);
    expect(problems.map((problem) => [problem.file, problem.line])).toEqual([
      [shown(join(dir, 'a.md')), 12],
      [shown(join(dir, 'b.md')), 6],
    ]);
  });

  it('refuses a page with NUL bytes (a binary file among the docs)', () => {
    const dir = docsWith({ 'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) });
    expect(buildError(dir).message).toBe(`${shown(join(dir, 'image.md'))}:1: not a text page (it holds NUL bytes)`);
  });

  it('refuses front matter that is not a mapping, and fields of the wrong type', () => {
    const list = docsWith({ 'page.md': '---\n- a\n- b\n---\n' });
    expect(buildError(list).message).toBe(
      `${shown(join(list, 'page.md'))}:2: broken front matter: it must be a YAML mapping`,
    );
    const typed = docsWith({ 'page.md': '---\ntitle: x\nlang: 42\n---\n' });
    expect(buildError(typed).message).toMatch(new RegExp(`^${shown(join(typed, 'page.md'))}:3: front matter lang: `));
  });

  it('refuses a language that is not a BCP 47 tag', () => {
    const dir = docsWith({ 'page.md': '---\nlang: not_a tag\n---\n' });
    expect(buildError(dir).message).toBe(`${shown(join(dir, 'page.md'))}:2: not a BCP 47 language tag: "not_a tag"`);
  });

  it('needs the fallback language, with its generic, enhanced and cause texts', () => {
    const noEnglish = tempDir();
    writeFileSync(join(noEnglish, 'de.md'), readFileSync(join(fixtures, 'valid-de', 'input.md')));
    expect(buildError(noEnglish).message).toBe(`${shown(noEnglish)}:0: no page for the fallback language "en"`);

    const english = readFileSync(docPath('en.md'), 'utf8');
    // Every kind of the project's texts, each left out in turn: the build names the page to write.
    const kinds = docNames().flatMap((name) => /^en\.(\w+)\.md$/u.exec(name)?.[1] ?? []);
    expect(kinds.length).toBeGreaterThanOrEqual(4);
    for (const missing of kinds) {
      const dir = tempDir();
      writeFileSync(join(dir, 'en.md'), english);
      for (const kind of kinds.filter((other) => other !== missing)) {
        writeFileSync(join(dir, `en.${kind}.md`), readFileSync(docPath(`en.${kind}.md`)));
      }
      expect(buildError(dir).message).toBe(
        `${shown(join(dir, 'en.md'))}:1: the fallback language "en" needs ${missing} texts (docs/project/texts/en.${missing}.md)`,
      );
    }
  });

  describe('cause tables', () => {
    const english = readFileSync(docPath('en.causes.md'), 'utf8');
    const base = () => ({
      'en.md': readFileSync(docPath('en.md'), 'utf8'),
      'en.generic.md': readFileSync(docPath('en.generic.md'), 'utf8'),
      'en.enhanced.md': readFileSync(docPath('en.enhanced.md'), 'utf8'),
    });
    const lineOf = (text: string, id: string) => text.split('\n').findIndex((line) => line.startsWith(`| ${id} |`)) + 1;

    it('names a missing, an unknown and a duplicate cause with their lines', () => {
      const missing = english.replace(/^\| timeout \|.*\n/mu, '');
      expect(buildError(docsWith({ ...base(), 'en.causes.md': missing })).message).toMatch(
        /en\.causes\.md:\d+: missing causes text\(s\): timeout$/mu,
      );
      const unknown = english.replace('| timeout |', '| time-out |');
      expect(buildError(docsWith({ ...base(), 'en.causes.md': unknown })).message).toContain(
        `en.causes.md:${lineOf(english, 'timeout')}: time-out: not a cause id`,
      );
      const twice = english.replace(/^(\| timeout \|.*)$/mu, '$1\n$1');
      expect(buildError(docsWith({ ...base(), 'en.causes.md': twice })).message).toContain(
        `en.causes.md:${lineOf(english, 'timeout') + 1}: duplicate row for "timeout" (first at line ${lineOf(english, 'timeout')})`,
      );
    });

    it('refuses a text longer than a sentence may be (200 characters), naming its line; 200 pass', () => {
      const at200 = `${'Ä'.repeat(199)}.`;
      const long = english.replace(/^\| timeout \|.*$/mu, `| timeout | A${at200} |`);
      expect(buildError(docsWith({ ...base(), 'en.causes.md': long })).message).toContain(
        `en.causes.md:${lineOf(english, 'timeout')}: timeout: 201 characters, more than the 200 a sentence may have (docs/texts-style.md)`,
      );
      const generic = readFileSync(docPath('en.generic.md'), 'utf8').replace(/^\| 5xx \|.*$/mu, `| 5xx | B${at200} |`);
      expect(buildError(docsWith({ ...base(), 'en.generic.md': generic, 'en.causes.md': english })).message).toMatch(
        /en\.generic\.md:\d+: 5xx: 201 characters/u,
      );
      const fits = english.replace(/^\| timeout \|.*$/mu, `| timeout | ${at200} |`);
      expect(() => loadLocales(docsWith({ ...base(), 'en.causes.md': fits }))).not.toThrow();
    });

    it('refuses an empty text and a control character', () => {
      const empty = english.replace(/^\| timeout \|.*$/mu, '| timeout |  |');
      expect(buildError(docsWith({ ...base(), 'en.causes.md': empty })).message).toMatch(/timeout: empty description/u);
      const bidi = english.replace('did not answer in time', 'did not \u202Eanswer');
      expect(buildError(docsWith({ ...base(), 'en.causes.md': bidi })).message).toMatch(
        /timeout: bidirectional control character in description/u,
      );
    });
  });

  describe('enhanced-code tables', () => {
    const page = readFileSync(docPath('fr.enhanced.md'), 'utf8');
    const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

    it('refuses a missing, duplicate, unregistered or empty entry, and a wrong column count', () => {
      const broken = page
        .replace(/^\| X\.7\.30 \|.*\n/mu, '')
        .replace('| X.1.2 |', '| X.1.1 |')
        .replace(/^\| X\.2\.2 \|.*$/mu, '| X.2.2 | |')
        .replace(/^(\| X\.3\.1 \|.*)$/mu, '$1 extra |')
        .replace('| X.4.4 |', '| X.4.99 |');
      const dir = docsWith({ 'fr.enhanced.md': broken, 'fr.md': readFileSync(docPath('fr.md')) });
      const file = shown(join(dir, 'fr.enhanced.md'));
      expect(buildError(dir).message.split('\n')).toEqual([
        `${file}:${lineOf(broken, '| Code |')}: missing enhanced text(s): X.1.2, X.4.4, X.7.30`,
        `${file}:${lineOf(broken, '| X.1.1 | Le domaine')}: duplicate row for "X.1.1" (first at line ${lineOf(broken, '| X.1.1 |')})`,
        `${file}:${lineOf(broken, '| X.2.2 |')}: X.2.2: empty description`,
        `${file}:${lineOf(broken, '| X.3.1 |')}: the row has 3 cells; expected 2: code | description`,
        `${file}:${lineOf(broken, '| X.4.99 |')}: "X.4.99" is not in the registry (docs/project/enhanced-registry.md)`,
      ]);
    });

    it('refuses a malformed registry with its file and line, and accepts a registry with one more code', () => {
      const registryText = readFileSync(registryPath, 'utf8');
      const dir = tempDir();
      const bad = registryText.replace(
        '| X.1.3 | Bad destination mailbox address syntax | RFC 3463 | 501 |',
        '| X.1.1 | twice | RFC 3463 | 501 |',
      );
      writeFileSync(join(dir, 'registry.md'), bad);
      expect(() => loadRegistry(join(dir, 'registry.md'))).toThrow(
        `${shown(join(dir, 'registry.md'))}:${lineOf(bad, '| X.1.1 | twice')}: duplicate row for "X.1.1" (first at line ${lineOf(bad, '| X.1.1 |')})`,
      );
      const broken = registryText
        .replace(
          '| X.2.1 | Mailbox disabled, not accepting messages | RFC 3463 | Not given |',
          '| X.2.1 | Mailbox disabled | RFC 3463 |',
        )
        .replace('| X.2.2 | Mailbox full | RFC 3463 | 552 |', '| X.2.2 | | RFC 3463 | 552 |');
      writeFileSync(join(dir, 'registry.md'), broken);
      expect(() => loadRegistry(join(dir, 'registry.md'))).toThrow(
        [
          `${shown(join(dir, 'registry.md'))}:${lineOf(broken, '| X.2.1 |')}: the row has 3 cells; expected 4: code | summary | reference | used with`,
          `${shown(join(dir, 'registry.md'))}:${lineOf(broken, '| X.2.2 |')}: X.2.2: empty summary`,
        ].join('\n'),
      );
      writeFileSync(join(dir, 'registry.md'), '---\ntitle: x\n---\n\nNo table here.\n');
      expect(() => loadRegistry(join(dir, 'registry.md'))).toThrow(/registry\.md:4: no table: expected rows of/u);
      const lastRow = /^\| X\.7\.30 \|.*$/mu;
      writeFileSync(
        join(dir, 'registry.md'),
        registryText.replace(lastRow, (row) => `${row}\n| X.7.99 | A later registration | RFC 9999 | 550 |`),
      );
      const longer = loadRegistry(join(dir, 'registry.md')).map((entry) => entry.key);
      expect(longer).toEqual([...registry, 'X.7.99']);
      // Every language page now lacks the new code: the build says so for each of them.
      expect(() => loadLocales(undefined, longer)).toThrow(/missing enhanced text\(s\): X\.7\.99/u);
    });
  });

  describe('generic-text tables', () => {
    const page = (rows: string) => `---\nlang: de\n---\n| Reply | Text |\n| --- | --- |\n${rows}\n`;
    const allRows = ['2xx', '3xx', '4xx', '5xx', 'x0x', 'x1x', 'x2x', 'x3x', 'x4x', 'x5x'].map(
      (key) => `| ${key} | Text ${key}. |`,
    );

    it('refuses a language with generic texts but no enumeration table', () => {
      const dir = docsWith({ 'de.generic.md': page(allRows.join('\n')) });
      expect(buildError(dir).message).toBe(
        `${shown(join(dir, 'de.generic.md'))}:1: language "de" has no page with the enumeration table`,
      );
    });

    it('refuses a missing, duplicate, unknown or empty entry, and a wrong column count', () => {
      const rows = [
        ...allRows.slice(1),
        '| 2xx | Eins. |',
        '| 2xx | Zwei. |',
        '| 6xx | Sechs. |',
        '| x5x | |',
        '| x1x | a | b |',
      ];
      const dir = docsWith({
        'de.md': readFileSync(join(fixtures, 'valid-de', 'input.md')),
        'de.generic.md': page(rows.join('\n')),
      });
      const file = shown(join(dir, 'de.generic.md'));
      expect(buildError(dir).message).toBe(
        [
          `${file}:16: duplicate row for "2xx" (first at line 15)`,
          `${file}:17: 6xx: not a reply class (2xx…5xx) or category (x0x…x5x)`,
          `${file}:18: x5x: empty description`,
          `${file}:19: the row has 3 cells; expected 2: reply class | description`,
        ].join('\n'),
      );
    });

    it("takes a page's kind from its file name or front matter, never from its cells", () => {
      const de = readFileSync(join(fixtures, 'valid-de', 'input.md'));
      const misnamed = docsWith({ 'de.md': de, 'de.generics.md': page(allRows.join('\n')) });
      expect(buildError(misnamed).message).toBe(
        `${shown(join(misnamed, 'de.generics.md'))}:1: file name: "generics" is not a page kind; name a page <lang>.<kind>.md with a kind of codes, errata, generic, enhanced, causes, reasons, client, page, or <lang>.md for an upstream page`,
      );
      const declared = docsWith({
        'de.md': de,
        'extra.md': page(allRows.join('\n')).replace('---\n', '---\nkind: texts\n'),
      });
      expect(buildError(declared).message).toBe(
        `${shown(join(declared, 'extra.md'))}:1: front matter kind: not a page kind; expected one of codes, errata, generic, enhanced, causes, reasons, client, page`,
      );
      // Lower-case keys in a generic page are generic keys checked as such, not taken for causes.
      const wrongKeys = docsWith({ 'de.md': de, 'de.generic.md': page('| timeout | x |') });
      expect(buildError(wrongKeys).message).toContain('timeout: not a reply class (2xx…5xx) or category (x0x…x5x)');
    });

    it('refuses two generic-text pages for one language', () => {
      const dir = docsWith({
        'de.md': readFileSync(join(fixtures, 'valid-de', 'input.md')),
        'de.generic.md': page(allRows.join('\n')),
        // The kind may also be said in the front matter, whatever the file's name.
        'de-more.md': page(allRows.join('\n')).replace('---\n', '---\nkind: generic\n'),
      });
      expect(buildError(dir).message).toBe(
        `${shown(join(dir, 'de.generic.md'))}:1: two pages for language "de" with generic texts: ${shown(join(dir, 'de-more.md'))} and ${shown(join(dir, 'de.generic.md'))}`,
      );
    });
  });
});

describe('errata: corrections kept apart from upstream', { timeout: timeouts.build }, () => {
  const errataPage = (rows: string) =>
    `---\ntitle: Errata\nauthor: test\n---\n\n| Language | Member | Upstream text | Corrected text | Why |\n| --- | --- | --- | --- | --- |\n${rows}\n`;
  const upstreamOk = readFileSync(docPath('en.md'), 'utf8').match(/^\| Ok \| `250` \| (.*) \|$/mu)?.[1] ?? '';
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

  it('applies an erratum while upstream still says exactly the text it names, and records the upstream text', () => {
    const dir = docsWith({ 'errata.md': errataPage(`| en | Ok | ${upstreamOk} | Done. | a test |`) });
    const english = loadLocales(dir, registry).find((locale) => locale.lang === 'en');
    expect(english?.codes.Ok).toBe('Done.');
    expect(english?.errata).toEqual({ Ok: { upstream: upstreamOk, reason: 'a test' } });
  });

  it('stops the build, naming the erratum, when upstream no longer says the text it corrects', () => {
    const page = errataPage('| en | Ok | An older upstream text. | Done. | a test |');
    const dir = docsWith({ 'errata.md': page });
    expect(buildError(dir).message).toBe(
      `${shown(join(dir, 'errata.md'))}:${lineOf(page, '| en | Ok |')}: erratum en Ok: upstream now says ${JSON.stringify(upstreamOk)} (${shown(join(dir, 'en.md'))}), not the text this erratum corrects; update or remove the erratum`,
    );
  });

  it('refuses an erratum for a language or a member that does not exist, a malformed row and a duplicate', () => {
    const rows = [
      '| qaa | Ok | x | y | a test |',
      '| en | Okay | x | y | a test |',
      '| en | Ok | x | y |  |',
      '| en | Ok | x | y |',
      `| en | Ok | ${upstreamOk} | y | one |`,
      `| en | Ok | ${upstreamOk} | y | two |`,
    ];
    const page = errataPage(rows.join('\n'));
    const dir = docsWith({ 'errata.md': page });
    const file = shown(join(dir, 'errata.md'));
    const at = (row: number) => `${file}:${lineOf(page, '| --- |') + 1 + row}`;
    expect(buildError(dir).message.split('\n')).toEqual([
      `${at(0)}: erratum qaa Ok: no page for language "qaa"`,
      `${at(1)}: unknown member "Okay": SmtpStatusCode has no such member`,
      `${at(2)}: empty reason: say why the upstream text is wrong`,
      `${at(3)}: the row has 4 cells; expected 5: language | member | upstream text | corrected text | why`,
      `${at(5)}: a second erratum for en Ok (first at line ${lineOf(page, '| one |')})`,
    ]);
  });
});
