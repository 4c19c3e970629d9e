// The translators' format: a language's project texts to gettext PO and back, checked as the
// build checks pages, byte-stable both ways.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { loadLocales, loadRegistry } from '../../scripts/build-locales.ts';
import { BuildError } from '../../scripts/build-problem.ts';
import { main as exportMain } from '../../scripts/export-texts.ts';
import { main as importMain } from '../../scripts/import-texts.ts';
import { exportTexts, importTexts } from '../../scripts/translate/po-texts.ts';
import { textKinds } from '../../src/catalog/text-kinds.ts';
import { captureOutput } from '../helpers/capture-output.ts';
import { localeFile } from '../helpers/locale-files.ts';
import { docsWith, projectRoot, registryPath, shown, snapshot, tempDir } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

const fixtures = join(projectRoot, 'test', 'fixtures', 'po');
const registry = loadRegistry(registryPath).map((entry) => entry.key);
const germanPage = readFileSync(join(projectRoot, 'test', 'fixtures', 'pages', 'valid-de', 'input.md'), 'utf8');

/** Every page of a docs folder, as the import reads them. */
function docsOf(dir: string) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({
      path: join(dir, name),
      file: shown(join(dir, name)),
      text: readFileSync(join(dir, name), 'utf8'),
    }));
}

function importError(dir: string, name: string, bytes: Buffer): string {
  try {
    importTexts(docsOf(dir), registry, name, bytes, dir, dir);
  } catch (error) {
    if (error instanceof BuildError) return error.message;
    throw error;
  }
  throw new Error('the import accepted a bad file');
}

/** The English texts of one kind, as msgctxt → msgid. */
/** A page's table rows (`| key | text |`), for a kind no locale file holds (the page words are the service's). */
function pageRows(kind: string): Record<string, string> {
  const text = readFileSync(join(projectRoot, 'docs', 'project', 'texts', `en.${kind}.md`), 'utf8');
  const rows = text.split('\n').filter((line) => /^\| [a-z0-9-]+ \| /u.test(line) && !line.startsWith('| --- '));
  return Object.fromEntries(
    rows.map((line) => {
      const [key = '', ...rest] = line.slice(2, -2).split(' | ');
      return [key, rest.join(' | ').replaceAll('\\|', '|')];
    }),
  );
}

function englishOf(kind: string): [string, string][] {
  const texts =
    (localeFile('en') as unknown as Record<string, Record<string, unknown>>)[kind] ??
    (existsSync(join(projectRoot, 'docs', 'project', 'texts', `en.${kind}.md`)) ? pageRows(kind) : {});
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${kind}:${key}`, value] as [string, string]]
      : Object.entries(value as Record<string, string>).map(
          ([field, text]) => [`${kind}:${key}:${field}`, text] as [string, string],
        ),
  );
}

describe('texts:export and texts:import', { timeout: timeouts.build }, () => {
  it('exports every text of every kind: English as msgid, kind:key as msgctxt, the language as msgstr', () => {
    const bytes = exportTexts(loadLocales(), 'fr');
    const parsed = po.parse(bytes);
    expect(parsed.headers.Language).toBe('fr');
    const entries = Object.entries(parsed.translations).filter(([context]) => context !== '');
    const expected = textKinds.flatMap((kind) => englishOf(kind.name));
    expect(entries.map(([context, byId]) => [context, Object.keys(byId)[0]])).toEqual(expected);
    const french = localeFile('fr');
    expect(
      parsed.translations['causes:timeout']?.[french.causes?.timeout ? (localeFile('en').causes?.timeout ?? '') : '']
        ?.msgstr,
    ).toEqual([french.causes?.timeout]);
    expect(
      parsed.translations['reasons:mailbox-full:admin']?.[localeFile('en').reasons?.['mailbox-full']?.admin ?? '']
        ?.msgstr,
    ).toEqual([french.reasons?.['mailbox-full']?.admin]);
  });

  it('is byte-stable: an unchanged export imports as no change, and exports again identical', () => {
    const dir = docsWith({}, { allDocs: true });
    const first = exportTexts(loadLocales(dir, registry), 'de');
    expect(importTexts(docsOf(dir), registry, 'de.po', first, dir, dir)).toEqual({ lang: 'de', written: [] });
    expect(exportTexts(loadLocales(dir, registry), 'de').equals(first)).toBe(true);
  });

  it('a new language: an empty export, translated, becomes its page; the export after is the file imported', () => {
    const dir = docsWith({ 'qaa.md': germanPage.replace('/de/net/', '/qaa/net/') }, { allDocs: true });
    const empty = po.parse(exportTexts(loadLocales(dir, registry), 'qaa'));
    const entries = Object.values(empty.translations).flatMap((byId) => Object.values(byId));
    expect(entries.filter((entry) => entry.msgid !== '').every((entry) => entry.msgstr[0] === '')).toBe(true);
    // The translator fills in the causes (a `|` too, which a table cell must escape).
    for (const entry of entries) {
      if (entry.msgctxt?.startsWith('causes:')) entry.msgstr = [`QAA | ${entry.msgctxt}.`];
    }
    const translated = po.compile(empty, { foldLength: 0 });
    const { written } = importTexts(docsOf(dir), registry, 'qaa.po', translated, dir, dir);
    expect(written.map((page) => [page.file, page.state])).toEqual([[join(dir, 'qaa.causes.md'), 'added']]);
    expect(written[0]?.text).toMatch(/^lang: qaa$/mu);
    expect(written[0]?.text).toContain('| timeout | QAA \\| causes:timeout. |');
    const withPage = docsWith(
      { 'qaa.md': germanPage.replace('/de/net/', '/qaa/net/'), 'qaa.causes.md': written[0]?.text ?? '' },
      { allDocs: true },
    );
    const qaa = loadLocales(withPage, registry).find((locale) => locale.lang === 'qaa');
    expect(qaa?.causes?.timeout).toBe('QAA | causes:timeout.');
    expect(exportTexts(loadLocales(withPage, registry), 'qaa').equals(translated)).toBe(true);
  });

  it('takes a kind whole: a partly translated kind is refused, naming what is missing', () => {
    const dir = docsWith({ 'qaa.md': germanPage.replace('/de/net/', '/qaa/net/') }, { allDocs: true });
    const file = po.parse(exportTexts(loadLocales(dir, registry), 'qaa'));
    const timeout = Object.values(file.translations['causes:timeout'] ?? {})[0];
    if (timeout) timeout.msgstr = ['QAA timeout.'];
    const causes = englishOf('causes');
    expect(importError(dir, 'qaa.po', po.compile(file))).toMatch(
      new RegExp(
        `^qaa\\.po:0: causes: 1 of ${causes.length} texts translated; the build takes a kind whole \\(untranslated or fuzzy: ${causes[0]?.[0]}`,
        'u',
      ),
    );
  });

  it('refuses what the build would: a text with a control character, or markup the page would read otherwise', () => {
    const dir = docsWith({}, { allDocs: true });
    const file = po.parse(exportTexts(loadLocales(dir, registry), 'fr'));
    const timeout = Object.values(file.translations['causes:timeout'] ?? {})[0];
    if (timeout) timeout.msgstr = ['Le serveur *n’a pas* répondu.'];
    const compiled = po.compile(file);
    // The entry's own line in the file given: its msgctxt.
    const line = compiled.toString('utf8').split('\n').indexOf('msgctxt "causes:timeout"') + 1;
    expect(line).toBeGreaterThan(1);
    expect(importError(dir, 'fr.po', compiled)).toBe(
      `fr.po:${line}: msgctxt "causes:timeout": the page would read it back as "Le serveur n’a pas répondu."; write it without markdown markup`,
    );
    if (timeout) timeout.msgstr = ['Le serveur n’a pas répondu. '];
    expect(importError(dir, 'fr.po', po.compile(file))).toBe(
      `fr.po:${line}: msgctxt "causes:timeout": it begins or ends with white space, which a page does not keep; remove it`,
    );
    if (timeout) timeout.msgstr = ['Le serveur \u001b[31m'];
    expect(importError(dir, 'fr.po', po.compile(file))).toMatch(
      /fr\.causes\.md:\d+: timeout: control character in description$/mu,
    );
  });

  it('refuses unknown contexts and translations of an English text that changed since the export', () => {
    const dir = docsWith({}, { allDocs: true });
    expect(importError(dir, 'bad-entries.po', readFileSync(join(fixtures, 'bad-entries.po'))).split('\n')).toEqual([
      'bad-entries.po:7: msgctxt "causes:no-such-cause": not a text of the project (kind:key, or kind:key:field for reasons)',
      'bad-entries.po:11: msgctxt "causes:timeout": its msgid is not the current English text: export again and carry the translation over',
      'bad-entries.po:15: msgctxt "timeout": not a text of the project (kind:key, or kind:key:field for reasons)',
    ]);
  });

  it('refuses a file that is not PO, or whose Language is no tag', () => {
    const dir = docsWith({}, { allDocs: true });
    expect(importError(dir, 'no-language.po', readFileSync(join(fixtures, 'no-language.po')))).toBe(
      'no-language.po:0: the header Language: "!!" is not a BCP 47 tag',
    );
    // The line the parser names (the unclosed string of the fixture's line 8).
    expect(importError(dir, 'broken.po', readFileSync(join(fixtures, 'broken.po')))).toMatch(
      /^broken\.po:8: not a PO file: .*at line 8/u,
    );
  });

  it('takes the header Language as gettext writes it, a POSIX locale name (sv_SE.UTF-8) as well as a tag', () => {
    const dir = docsWith({}, { allDocs: true });
    const file = po.parse(exportTexts(loadLocales(dir, registry), 'sv'));
    file.headers.Language = 'sv_SE.UTF-8';
    expect(importTexts(docsOf(dir), registry, 'sv.po', po.compile(file), dir, dir).lang).toBe('sv');
  });

  it('as commands: export to a file, import it back as no change, each naming the next step', () => {
    const before = snapshot(join(projectRoot, 'docs', 'project', 'texts'));
    const out = join(tempDir(), 'sv.po');
    const exported = captureOutput(() => exportMain(['--lang', 'SV', '--out', out]));
    expect(exported).toEqual({
      code: 0,
      stdout: '',
      stderr: `texts:export: wrote ${out}; next: translate it, then npm run texts:import -- ${out}\n`,
    });
    expect(po.parse(readFileSync(out)).headers.Language).toBe('sv');
    expect(captureOutput(() => importMain([out, '--dry-run']))).toEqual({
      code: 0,
      stdout: 'texts:import: sv: no text changed; nothing to write\n',
      stderr: '',
    });
    const file = po.parse(readFileSync(out));
    const timeout = Object.values(file.translations['causes:timeout'] ?? {})[0];
    if (timeout) timeout.msgstr = ['Servern svarade inte i tid (ändrad).'];
    const changed = join(tempDir(), 'sv.po');
    writeFileSync(changed, po.compile(file));
    expect(captureOutput(() => importMain([changed, '--dry-run'])).stdout).toBe(
      'texts:import: sv: dry run, nothing written; would write docs/project/texts/sv.causes.md (updated)\n',
    );
    expect(snapshot(join(projectRoot, 'docs', 'project', 'texts'))).toEqual(before);
  });

  it('as commands: usage errors exit 2, refused files exit 1 and write nothing', () => {
    expect(captureOutput(() => exportMain(['--lang', '!!'])).code).toBe(2);
    expect(captureOutput(() => exportMain([])).code).toBe(2);
    expect(captureOutput(() => exportMain(['--lang', 'qaa']))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^no language "qaa" in the docs \(languages: ar, /u),
    });
    expect(captureOutput(() => importMain([])).code).toBe(2);
    expect(captureOutput(() => importMain(['--nope'])).code).toBe(2);
    expect(captureOutput(() => importMain([join(fixtures, 'no-language.po')]))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/is not a BCP 47 tag\ntexts:import: nothing was written\n$/u),
    });
    expect(captureOutput(() => exportMain(['--help'])).stdout).toMatch(/^Usage: texts:export/u);
    expect(captureOutput(() => importMain(['--help'])).stdout).toMatch(/^Usage: texts:import/u);
  });
});
