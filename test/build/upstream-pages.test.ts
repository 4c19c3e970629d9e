// The shipped locales checked against the docs pages themselves, read here with nothing but
// line-by-line regular expressions: independent of the build's markdown toolchain.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildLocales } from '../../scripts/build-locales.ts';
import { SmtpStatusCode } from '../../src/smtp-status-code.ts';
import { docsDir, localesDir, tempDir } from '../helpers/temp-dir.ts';

interface PageRows {
  file: string;
  lang: string;
  rows: Map<string, { value: number; text: string }>;
  generic: Map<string, string>;
}

const collapse = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

function readByHand(file: string): PageRows {
  const lines = readFileSync(join(docsDir, file), 'utf8').split(/\r?\n/u);
  const frontMatter = lines.slice(1, lines.indexOf('---', 1));
  const lang =
    frontMatter.find((line) => line.startsWith('lang: '))?.slice(6) ??
    /^url: \/([a-z]{2})\//u.exec(frontMatter.find((line) => line.startsWith('url: ')) ?? '')?.[1];
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

const pages = readdirSync(docsDir)
  .filter((name) => name.endsWith('.md'))
  .map(readByHand);
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
  it('keeps the upstream pages exactly as published (docs/upstream.sha256)', () => {
    const listed = readFileSync(join(docsDir, '..', 'upstream.sha256'), 'utf8')
      .trim()
      .split('\n');
    expect(listed).toHaveLength(5);
    for (const line of listed) {
      const [hash, name = ''] = line.split(/\s+/u);
      expect(
        createHash('sha256')
          .update(readFileSync(join(docsDir, name)))
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
  it.each(catalogPages.map((page) => [page.file, page] as const))('%s: every row, exactly', (_file, page) => {
    const locale = locales.get(page.lang);
    expect(page.rows.size).toBe(members.length);
    expect(Object.keys(locale.codes)).toEqual(members);
    for (const [name, { value, text }] of page.rows) {
      expect(value).toBe(SmtpStatusCode[name as keyof typeof SmtpStatusCode]);
      expect(locale.codes[name]).toBe(text);
    }
    expect(locale.source.file).toBe(`docs/smtpstatuscode/${page.file}`);
  });

  const genericPages = pages.filter((page) => page.generic.size > 0);
  it.each(genericPages.map((page) => [page.file, page] as const))('%s: every generic text, exactly', (_file, page) => {
    expect(Object.fromEntries(page.generic)).toEqual(locales.get(page.lang).generic.texts);
  });

  it('keeps the upstream oddities as published', () => {
    expect(locales.get('fr').codes.Base64Response).toContain('[BASE64]');
    expect(locales.get('fr').codes.Ok).toBe('Action demandée effectuée et terminée.');
    expect(locales.get('ar').codes.Ok).toMatch(/ \.$/u);
  });

  it('gives every language every member and generic text, each non-empty, trimmed, NFC', () => {
    for (const locale of locales.values()) {
      expect(Object.keys(locale.codes)).toEqual(members);
      expect(Object.keys(locale.generic.texts)).toHaveLength(10);
      for (const text of [...Object.values(locale.codes), ...Object.values(locale.generic.texts)] as string[]) {
        expect(text).toBe(collapse(text));
        expect(text).not.toBe('');
      }
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

  it('is byte for byte what the build writes from the docs', () => {
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
