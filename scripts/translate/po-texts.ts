// A language's project texts (each kind of src/catalog/text-kinds.ts) as a gettext PO file for
// translators' tools, and back into the pages. gettext-parser (a devDependency: tooling only)
// reads and writes the format; the pages stay the one source, and an import is checked by the
// build's own parser and validator before anything is written.

import type { GetTextTranslation, GetTextTranslations } from 'gettext-parser';
import { po } from 'gettext-parser';
import { fallbackLanguage, languageCandidates } from '../../src/catalog/negotiate-language.ts';
import { textKinds } from '../../src/catalog/text-kinds.ts';
import { BuildError, type BuildProblem } from '../build-problem.ts';
import { findTables } from '../parse/find-tables.ts';
import { type Page, parsePage } from '../parse/parse-page.ts';
import type { DocsFile } from '../read/read-docs.ts';
import { assembleLocales } from '../validate/assemble-locales.ts';
import type { AssembledLocale } from '../validate/schemas.ts';

type Texts = Record<string, string | Record<string, string>>;

/** One text of a kind: its context in the PO file (`causes:timeout`, `reasons:mailbox-full:why`). */
interface TextSlot {
  kind: string;
  key: string;
  field?: string;
  context: string;
}

/** Every text a kind holds, in the English locale's order: the PO file's entries. */
function slots(english: AssembledLocale): TextSlot[] {
  return textKinds.flatMap((kind) => {
    const texts = (english as unknown as Record<string, Texts | undefined>)[kind.name] ?? {};
    return Object.keys(texts).flatMap((key) =>
      kind.fields === undefined
        ? [{ kind: kind.name, key, context: `${kind.name}:${key}` }]
        : kind.fields.map((field) => ({ kind: kind.name, key, field, context: `${kind.name}:${key}:${field}` })),
    );
  });
}

function textOf(locale: AssembledLocale | undefined, slot: TextSlot): string | undefined {
  const texts = (locale as unknown as Record<string, Texts | undefined> | undefined)?.[slot.kind];
  const value = texts && Object.hasOwn(texts, slot.key) ? texts[slot.key] : undefined;
  return typeof value === 'string' ? value : slot.field === undefined ? undefined : value?.[slot.field];
}

const fixedHeaders = (lang: string) => ({
  'Project-Id-Version': 'smtp-status-i18n',
  Language: lang,
  'MIME-Version': '1.0',
  'Content-Type': 'text/plain; charset=UTF-8',
  'Content-Transfer-Encoding': '8bit',
  'X-Generator': 'smtp-status-i18n scripts/export-texts.ts',
});

/**
 * A language's project texts as a PO file: the English as `msgid`, the kind and key as
 * `msgctxt`, the language's text (empty where it has none) as `msgstr`. Byte-stable: no date.
 *
 * @example exportTexts(locales, 'pt').toString().includes('msgctxt "causes:timeout"') // true
 */
export function exportTexts(locales: readonly AssembledLocale[], lang: string): Buffer {
  const english = locales.find((locale) => locale.lang === fallbackLanguage);
  if (english === undefined) throw new Error(`no ${fallbackLanguage} locale: the source texts are missing`);
  const target = locales.find((locale) => locale.lang === lang);
  if (target === undefined) {
    throw new Error(
      `no language "${lang}" in the docs (languages: ${locales.map((locale) => locale.lang).join(', ')}); import its upstream page first`,
    );
  }
  const translations: GetTextTranslations['translations'] = { '': { '': { msgid: '', msgstr: [''] } } };
  for (const slot of slots(english)) {
    translations[slot.context] = {
      [textOf(english, slot) ?? '']: {
        msgctxt: slot.context,
        msgid: textOf(english, slot) ?? '',
        msgstr: [textOf(target, slot) ?? ''],
      },
    };
  }
  return po.compile({ charset: 'utf-8', headers: fixedHeaders(lang), translations }, { foldLength: 0 });
}

/** A page of the docs, as the build reads it, and where it is on disk. */
export interface DocsPage extends DocsFile {
  path: string;
}

/** What an import changes: the pages it writes (new or changed), each with its text. */
export interface ImportedPages {
  lang: string;
  written: { path: string; file: string; text: string; state: 'added' | 'updated' }[];
}

function refuse(file: string, message: string): never {
  throw new BuildError([{ file, line: 0, message }]);
}

const isFuzzy = (entry: GetTextTranslation) =>
  (entry.comments?.flag ?? '').split(',').some((flag) => flag.trim() === 'fuzzy');

/** What is wrong with one entry against the English it was translated from, or `undefined`. */
function entryProblem(slot: TextSlot | undefined, entry: GetTextTranslation, english: AssembledLocale) {
  if (slot === undefined) return 'not a text of the project (kind:key, or kind:key:field for reasons)';
  if (entry.msgid !== textOf(english, slot)) {
    return 'its msgid is not the current English text: export again and carry the translation over';
  }
  return undefined;
}

/**
 * Where an entry is in a PO file: the line of its `msgctxt` (0 when it is not found), for messages.
 *
 * @example poLines(bytes)('reasons:mailbox-full:why') // 153
 */
function poLines(bytes: Buffer): (context: string) => number {
  const lines = bytes.toString('utf8').split('\n');
  return (context) => lines.indexOf(`msgctxt ${JSON.stringify(context)}`) + 1;
}

/** The PO file's texts by context (fuzzy and empty ones left out), checked against the English. */
function readTranslations(file: string, bytes: Buffer, english: AssembledLocale) {
  const lineOf = poLines(bytes);
  let parsed: GetTextTranslations;
  try {
    parsed = po.parse(bytes, { validation: true });
  } catch (error) {
    const message = (error as Error).message;
    throw new BuildError([
      { file, line: Number(/\bline (\d+)/u.exec(message)?.[1] ?? 0), message: `not a PO file: ${message}` },
    ]);
  }
  // gettext writes the header as a POSIX locale name (`pt_BR`, `ja_JP.UTF-8`) as often as a BCP 47
  // tag; the package reads both (its first candidate is the tag, canonical).
  const lang: string | undefined = languageCandidates(parsed.headers.Language ?? '')[0];
  if (lang === undefined) {
    refuse(file, `the header Language: ${JSON.stringify(parsed.headers.Language ?? '')} is not a BCP 47 tag`);
  }
  const known = new Map(slots(english).map((slot) => [slot.context, slot]));
  const problems: BuildProblem[] = [];
  const texts = new Map<string, string>();
  const entries = Object.entries(parsed.translations).flatMap(([context, byId]) =>
    Object.values(byId).map((entry) => [context, entry] as const),
  );
  for (const [context, entry] of entries) {
    if (context === '' && entry.msgid === '') continue;
    const problem = entryProblem(known.get(context), entry, english);
    if (problem !== undefined)
      problems.push({ file, line: lineOf(context), message: `msgctxt "${context}": ${problem}` });
    else if (!isFuzzy(entry) && entry.msgstr[0]) texts.set(context, entry.msgstr[0]);
  }
  if (problems.length > 0) throw new BuildError(problems);
  return { lang: lang as string, texts };
}

/** A cell's text as a page writes it: `|` escaped (the only character a GFM cell cannot hold as is). */
const cell = (text: string) => text.replaceAll('|', '\\|');

/** The page's table rows rewritten with `texts` where they differ; other lines kept byte for byte. */
function rewriteRows(page: Page, text: string, row: (key: string) => string[] | undefined): string {
  const lines = text.split('\n');
  const [table] = findTables(page);
  for (const found of table?.rows ?? []) {
    const [key, ...cells] = found.cells.map((each) => each.text);
    const wanted = key === undefined ? undefined : row(key);
    if (wanted === undefined || wanted.every((value, index) => value === cells[index])) continue;
    const eol = lines[found.line - 1]?.endsWith('\r') ? '\r' : '';
    lines[found.line - 1] = `| ${key} | ${wanted.map(cell).join(' | ')} |${eol}`;
  }
  return lines.join('\n');
}

/** The docs parsed, with the locales the build makes of them. */
interface Parsed {
  docs: { page: DocsPage; parsed: Page | BuildProblem }[];
  english: AssembledLocale;
  target: AssembledLocale;
}

const filesOf = (locale: AssembledLocale) => (locale.files ?? {}) as Record<string, string | undefined>;

/** One kind's page with the PO file's texts: `undefined` when the file leaves the kind as it is. */
function kindPage(
  kind: (typeof textKinds)[number],
  { docs, english, target }: Parsed,
  texts: ReadonlyMap<string, string>,
  textsDir: string,
  problems: BuildProblem[],
  file: string,
): ImportedPages['written'][number] | undefined {
  const kindSlots = slots(english).filter((slot) => slot.kind === kind.name);
  const given = kindSlots.filter((slot) => texts.has(slot.context));
  const own = filesOf(target)[kind.name];
  if (given.length === 0 && own === undefined) return undefined;
  if (given.length < kindSlots.length) {
    const missing = kindSlots.filter((slot) => !texts.has(slot.context)).map((slot) => slot.context);
    const shown = `${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`;
    problems.push({
      file,
      line: 0,
      message: `${kind.name}: ${given.length} of ${kindSlots.length} texts translated; the build takes a kind whole (untranslated or fuzzy: ${shown})`,
    });
    return undefined;
  }
  const row = (key: string) => {
    const of = kindSlots.filter((slot) => slot.key === key);
    return of.length === 0 ? undefined : of.map((slot) => texts.get(slot.context) ?? '');
  };
  const base = docs.find(({ page }) => page.file === (own ?? filesOf(english)[kind.name]));
  if (base === undefined || !('tree' in base.parsed)) return undefined;
  let text = rewriteRows(base.parsed, base.page.text, row);
  // A new page: the English page's shape, with the language's tag and texts.
  if (own === undefined) text = text.replace(/^lang: .*$/mu, `lang: ${target.lang}`);
  if (text === base.page.text) return undefined;
  if (own !== undefined) return { path: base.page.path, file: base.page.file, text, state: 'updated' };
  const path = `${textsDir}/${target.lang}.${kind.name}.md`;
  return { path, file: path, text, state: 'added' };
}

/**
 * The pages a PO file gives: each kind the file translates whole is written into the language's
 * page of that kind (rows changed in place, the rest of the page kept byte for byte), or a new page
 * made from the English one. Every page is then checked by the build (all the docs, as
 * `build:locales` reads them); any problem throws a `BuildError` and nothing is to be written.
 *
 * @example importTexts(docs, registry, 'pt.po', bytes, 'docs/project/texts', 'docs').written.map((page) => page.file)
 */
export function importTexts(
  docs: readonly DocsPage[],
  registry: readonly string[],
  file: string,
  bytes: Buffer,
  textsDir: string,
  docsLabel: string,
): ImportedPages {
  const parsedDocs = docs.map((page) => ({ page, parsed: parsePage(page.file, page.text) }));
  const current = assembleLocales(
    parsedDocs.map(({ parsed }) => parsed),
    registry,
    docsLabel,
  );
  const english = current.find((locale) => locale.lang === fallbackLanguage);
  if (english === undefined) return refuse(file, `no ${fallbackLanguage} locale in the docs`);
  const { lang, texts } = readTranslations(file, bytes, english);
  // RFC 4647 lookup, as the package negotiates: a PO editor's `sv_SE` is the docs' `sv`.
  const target = languageCandidates(lang)
    .map((tag) => current.find((locale) => locale.lang === tag))
    .find((locale) => locale !== undefined);
  if (target === undefined) return refuse(file, `no language "${lang}" in the docs: import its upstream page first`);
  const problems: BuildProblem[] = [];
  const parsed = { docs: parsedDocs, english, target };
  const written = textKinds
    .map((kind) => kindPage(kind, parsed, texts, textsDir, problems, file))
    .filter((page) => page !== undefined);
  if (problems.length > 0) throw new BuildError(problems);
  // Checked as the build checks: every page, with the new ones in place.
  const replaced = new Set(written.map((page) => page.file));
  const pages = [
    ...docs.filter((page) => !replaced.has(page.file)).map((page) => parsePage(page.file, page.text)),
    ...written.map((page) => parsePage(page.file, page.text)),
  ];
  const back = assembleLocales(pages, registry, docsLabel).find((locale) => locale.lang === target.lang);
  // A text the table cannot hold as given (markup a translator typed) would read back otherwise.
  const lineOf = poLines(bytes);
  for (const slot of slots(english)) {
    const wanted = texts.get(slot.context);
    const read = textOf(back, slot);
    if (wanted !== undefined && read !== wanted) {
      const why =
        wanted.trim() !== wanted
          ? 'it begins or ends with white space, which a page does not keep; remove it'
          : `the page would read it back as ${JSON.stringify(read)}; write it without markdown markup`;
      problems.push({ file, line: lineOf(slot.context), message: `msgctxt "${slot.context}": ${why}` });
    }
  }
  if (problems.length > 0) throw new BuildError(problems);
  return { lang: target.lang, written };
}
