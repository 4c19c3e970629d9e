// The shipped locales checked against the docs pages themselves, read here with nothing but
// line-by-line regular expressions: independent of the build's markdown toolchain.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildLocales } from '../../scripts/build-locales.ts';
import { SmtpStatusCode } from '../../src/catalog/smtp-status-code.ts';
import { docNames, docPath, localesDir, projectRoot, tempDir, upstreamDir } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

interface PageRows {
  file: string;
  lang: string;
  rows: Map<string, { value: number; text: string }>;
  generic: Map<string, string>;
}

// ASCII white space collapses; no-break spaces are typography and stay.
const collapse = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[ \t\r\n\f\v]+/gu, ' ')
    .replace(/^ | $/gu, '');

function readByHand(file: string): PageRows {
  const lines = readFileSync(docPath(file), 'utf8').split(/\r?\n/u);
  const frontMatter = lines.slice(1, lines.indexOf('---', 1));
  // The page format: `url: [/<lang>]/<platform>/<namespace>/<type>/`; no language segment is English.
  const url = /^url: (\/[^/]+)?(\/[^/]+){3}\/$/u.exec(frontMatter.find((line) => line.startsWith('url: ')) ?? '');
  const lang =
    frontMatter.find((line) => line.startsWith('lang: '))?.slice(6) ?? (url ? (url[1]?.slice(1) ?? 'en') : undefined);
  if (lang === undefined) throw new Error(`${file}: no language`);
  const rows = new Map<string, { value: number; text: string }>();
  const generic = new Map<string, string>();
  for (const line of lines) {
    const member = /^\| (\w+) \| `(-?\d+)` \| (.*) \|$/u.exec(line);
    if (member?.[1] && member[2] && member[3])
      rows.set(member[1], { value: Number(member[2]), text: collapse(member[3]) });
    const reply = /^\| ([2-5]xx|x[0-5]x) \| (.*) \|$/u.exec(line);
    if (reply?.[1] && reply[2]) generic.set(reply[1], collapse(reply[2]));
  }
  return { file, lang, rows, generic };
}

const pages = docNames()
  .filter((name) => name !== 'errata.md')
  .map(readByHand);

/** The errata page, read by hand: language → member → { upstream, corrected, why }. */
const errata = new Map<string, Map<string, { upstream: string; corrected: string; why: string }>>();
for (const line of readFileSync(docPath('errata.md'), 'utf8').split(/\r?\n/u)) {
  const cells = /^\| ([a-z]{2}) \| (\w+) \| (.*) \| (.*) \| (.*) \|$/u.exec(line);
  if (!cells) continue;
  const [, lang = '', member = '', upstream = '', corrected = '', why = ''] = cells;
  if (!errata.has(lang)) errata.set(lang, new Map());
  errata.get(lang)?.set(member, { upstream: collapse(upstream), corrected: collapse(corrected), why: collapse(why) });
}
const locales = new Map(
  readdirSync(localesDir)
    .filter((name) => name.endsWith('.json') && name !== 'locale.schema.json')
    .map((name) => {
      const locale = JSON.parse(readFileSync(join(localesDir, name), 'utf8'));
      return [locale.lang as string, locale];
    }),
);
const members = Object.keys(SmtpStatusCode);

describe('the shipped locales are what the docs say', () => {
  it('keeps the upstream pages exactly as published (docs/upstream/SHA256SUMS), each listed once', () => {
    const listed = readFileSync(join(upstreamDir, 'SHA256SUMS'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/u));
    // Every page in the folder is listed: a page added without its hash fails here.
    expect(listed.map(([, name]) => name)).toEqual(
      readdirSync(upstreamDir)
        .filter((name) => name.endsWith('.md'))
        .sort(),
    );
    for (const [hash, name = ''] of listed) {
      expect(
        createHash('sha256')
          .update(readFileSync(join(upstreamDir, name)))
          .digest('hex'),
        name,
      ).toBe(hash);
    }
  });

  it('has one locale per language of the docs, and no other', () => {
    expect([...locales.keys()].sort()).toEqual([...new Set(pages.map((page) => page.lang))].sort());
    expect([...locales.keys()]).toEqual(expect.arrayContaining(['ar', 'en', 'fr', 'it', 'ru', 'tr']));
  });

  const catalogPages = pages.filter((page) => page.rows.size > 0);
  it.each(catalogPages.map((page) => [page.file, page] as const))(
    '%s: every row, exactly (errata aside, each listed)',
    (_file, page) => {
      const locale = locales.get(page.lang);
      const corrections = errata.get(page.lang) ?? new Map();
      expect(page.rows.size).toBe(members.length);
      expect(Object.keys(locale.codes)).toEqual(members);
      for (const [name, { value, text }] of page.rows) {
        expect(value).toBe(SmtpStatusCode[name as keyof typeof SmtpStatusCode]);
        const erratum = corrections.get(name);
        if (erratum === undefined) {
          expect(locale.codes[name], name).toBe(text);
          continue;
        }
        // Corrected, and traceable: the locale keeps upstream's text and the reason.
        expect(erratum.upstream, name).toBe(text);
        expect(locale.codes[name], name).toBe(erratum.corrected);
        expect(locale.errata[name], name).toEqual({ upstream: text, reason: erratum.why });
      }
      expect(Object.keys(locale.errata ?? {}).sort()).toEqual([...corrections.keys()].sort());
      expect(join(projectRoot, locale.source.file)).toBe(docPath(page.file));
    },
  );

  const genericPages = pages.filter((page) => page.generic.size > 0);
  it.each(genericPages.map((page) => [page.file, page] as const))('%s: every generic text, exactly', (_file, page) => {
    expect(Object.fromEntries(page.generic)).toEqual(locales.get(page.lang).generic);
  });

  it('README names every shipped language, and no other, in "What is this?"', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const sentence = /Its texts come in ([^,]+(?:, [A-Z][a-z]+)*(?: and [A-Z][a-z]+)?)/u.exec(
      readme.replace(/\s+/gu, ' '),
    )?.[1];
    const names = new Intl.DisplayNames('en', { type: 'language' });
    const listed = (sentence ?? '').split(/, | and /u).sort();
    expect(listed).toEqual([...locales.keys()].map((lang) => names.of(lang) ?? lang).sort());
  });

  it('keeps the upstream oddities as published', () => {
    expect(locales.get('fr').codes.Base64Response).toContain('[BASE64]');
    expect(locales.get('fr').codes.Ok).toBe('Action demandée effectuée et terminée.');
    expect(locales.get('ar').codes.Ok).toMatch(/ \.$/u);
  });

  // The generic keys as the English page lists them, read by hand: every class and category.
  const genericKeys = [...readByHand('en.generic.md').generic.keys()];
  const english = locales.get('en').generic;

  it('gives every language every member, each text trimmed and NFC', () => {
    for (const locale of locales.values()) {
      expect(Object.keys(locale.codes)).toEqual(members);
      for (const text of Object.values(locale.codes) as string[]) expect(text).toBe(collapse(text));
    }
  });

  it.each(
    [...locales.values()].filter((locale) => locale.generic).map((locale) => [locale.lang, locale.generic] as const),
  )('%s has every generic text in its own words, non-empty, trimmed, NFC', (lang, texts) => {
    expect(genericKeys).toEqual(['2xx', '3xx', '4xx', '5xx', 'x0x', 'x1x', 'x2x', 'x3x', 'x4x', 'x5x']);
    expect(Object.keys(texts)).toEqual(genericKeys);
    for (const key of genericKeys) {
      expect(texts[key]).toBe(collapse(texts[key]));
      expect(texts[key]).not.toBe('');
      // No generic text is the English one copied over.
      if (lang !== 'en') expect(texts[key]).not.toBe(english[key]);
    }
  });

  it('matches the JSON Schema shipped for other tools', () => {
    const schema = JSON.parse(readFileSync(join(localesDir, 'locale.schema.json'), 'utf8'));
    const validate = new Ajv2020({ strict: false }).compile(schema);
    for (const locale of locales.values()) expect(validate(locale), JSON.stringify(validate.errors)).toBe(true);
    const { codes, ...withoutCodes } = locales.get('fr');
    expect(Object.keys(codes)).toHaveLength(32);
    expect(validate(withoutCodes)).toBe(false);
    expect(validate({ ...locales.get('fr'), codes: { ...codes, Extra: 'x' } })).toBe(false);
  });

  it('is byte for byte what the build writes from the docs', { timeout: timeouts.build }, () => {
    expect(buildLocales({ check: true }).drift).toEqual([]);
    const out = tempDir();
    buildLocales({ out, modules: tempDir() });
    const generated = readdirSync(localesDir).filter((name) => name.endsWith('.json'));
    expect(generated.sort()).toEqual(readdirSync(out).sort());
    for (const name of generated) {
      expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(localesDir, name), 'utf8'));
    }
  });
});
