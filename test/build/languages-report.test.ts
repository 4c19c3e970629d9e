import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languagesReport, main, renderLanguagesReport } from '../../scripts/languages.ts';
import { textKinds } from '../../src/catalog/text-kinds.ts';
import { captureOutput } from '../helpers/capture-output.ts';
import { localeFiles } from '../helpers/locale-files.ts';
import { docsWith, projectRoot, shown } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

const germanPage = readFileSync(join(projectRoot, 'test', 'fixtures', 'pages', 'valid-de', 'input.md'), 'utf8');
const lexicon = join(projectRoot, 'docs', 'project', 'lexicon.json');

describe('npm run languages', { timeout: timeouts.build }, () => {
  it('lists every shipped language with each kind of the kinds table, and lacks exactly what its locale lacks', () => {
    const report = languagesReport();
    expect(report.fallback).toBe('en');
    expect(report.languages.map((language) => language.lang)).toEqual(localeFiles.map((locale) => locale.lang).sort());
    for (const language of report.languages) {
      expect(Object.keys(language.kinds), language.lang).toEqual(textKinds.map((kind) => kind.name));
      // What a language has is its pages (the page words are the service's: no locale file holds them).
      const texts = join(projectRoot, 'docs', 'project', 'texts');
      const missing = textKinds
        .filter((kind) => !existsSync(join(texts, `${language.lang}.${kind.name}.md`)))
        .map((kind) => kind.name);
      expect(
        language.lacks.map((lack) => lack.what),
        language.lang,
      ).toEqual([...missing, ...(language.lexicon ? [] : ['lexicon'])]);
      expect(language.upstream).toBe(`docs/upstream/${language.lang}.md`);
    }
    // The fallback language has everything: it is what the others are said in.
    expect(report.languages.find((language) => language.lang === 'en')?.lacks).toEqual([]);
  });

  it('says what a language with upstream texts only lacks, with the file to write', () => {
    const docs = docsWith({ 'qaa.md': germanPage.replace('/de/net/', '/qaa/net/') }, { allDocs: true });
    const report = languagesReport({ docs: [docs], texts: docs, lexicon });
    const added = report.languages.find((language) => language.lang === 'qaa');
    expect(added).toEqual({
      lang: 'qaa',
      upstream: shown(join(docs, 'qaa.md')),
      errata: 0,
      kinds: Object.fromEntries(textKinds.map((kind) => [kind.name, null])),
      lexicon: false,
      lacks: [
        ...textKinds.map((kind) => ({ what: kind.name, file: shown(join(docs, `qaa.${kind.name}.md`)) })),
        { what: 'lexicon', file: shown(lexicon) },
      ],
    });
    const text = renderLanguagesReport(report);
    expect(text).toContain("\nqaa lacks (said in en until written; explain marks each part's lang):\n");
    for (const kind of textKinds)
      expect(text).toContain(`  ${kind.name}: write ${shown(join(docs, `qaa.${kind.name}.md`))}`);
    expect(text).toMatch(/\nnext: npm test\n$/u);
  });

  it('prints the report, or JSON, and refuses unknown options', () => {
    const json = captureOutput(() => main(['--json']));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(languagesReport());
    const text = captureOutput(() => main([]));
    expect(text.stdout.split('\n')[2]).toBe(
      `lang  upstream             errata  ${textKinds.map((kind) => kind.name).join('  ')}  lexicon`.replace(
        / +$/u,
        '',
      ),
    );
    expect(captureOutput(() => main(['--nope'])).code).toBe(2);
  });
});
