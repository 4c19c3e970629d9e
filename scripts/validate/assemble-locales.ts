import { fallbackLanguage } from '../../src/catalog/negotiate-language.ts';
import { textKinds } from '../../src/catalog/text-kinds.ts';
import { BuildError, type BuildProblem } from '../build-problem.ts';
import { pageKind } from '../parse/page-kind.ts';
import type { Page } from '../parse/parse-page.ts';
import { applyErrata, checkErrata, type Erratum } from './check-errata.ts';
import { type CheckedPage, checkPage } from './check-page.ts';
import { type AssembledLocale, assembledLocaleSchema } from './schemas.ts';

/** The page of each kind for one language; a problem for every kind given twice. */
function pickPages(lang: string, pages: readonly CheckedPage[], problems: BuildProblem[]) {
  const picked = new Map<CheckedPage['kind'], CheckedPage>();
  for (const page of pages) {
    const first = picked.get(page.kind);
    if (first === undefined) picked.set(page.kind, page);
    else {
      const what = page.kind === 'codes' ? 'an enumeration table' : `${page.kind} texts`;
      problems.push({
        file: page.file,
        line: 1,
        message: `two pages for language "${lang}" with ${what}: ${first.file} and ${page.file}`,
      });
    }
  }
  return picked;
}

function merge(lang: string, pages: readonly CheckedPage[], problems: BuildProblem[]): AssembledLocale | undefined {
  const first = pages[0];
  if (first === undefined) return undefined;
  const picked = pickPages(lang, pages, problems);
  const catalog = picked.get('codes');
  if (catalog?.kind !== 'codes') {
    problems.push({ file: first.file, line: 1, message: `language "${lang}" has no page with the enumeration table` });
    return undefined;
  }
  const kinds = textKinds.flatMap((kind) => {
    const page = picked.get(kind.name);
    if (page === undefined && kind.fallbackNeeds && lang === fallbackLanguage) {
      problems.push({
        file: catalog.file,
        line: 1,
        message: `the fallback language "${lang}" needs ${kind.name} texts (docs/project/texts/${lang}.${kind.name}.md)`,
      });
    }
    return page !== undefined && 'texts' in page ? [[kind.name, page.texts] as const] : [];
  });
  const fm = catalog.frontMatter;
  return assembledLocaleSchema.parse({
    lang,
    source: {
      file: catalog.file,
      author: fm.author ?? 'Aspose',
      ...(fm.url !== undefined && { url: fm.url }),
      ...(fm.title !== undefined && { title: fm.title }),
      ...(fm.second_title !== undefined && { secondTitle: fm.second_title }),
      ...(fm.description !== undefined && { description: fm.description }),
    },
    ...(kinds.length > 0 && { files: Object.fromEntries(kinds.map(([name]) => [name, picked.get(name)?.file])) }),
    codes: catalog.codes,
    ...Object.fromEntries(kinds),
  });
}

/**
 * Validates parsed pages (or the problems parsing found) into one locale per language, sorted
 * by language tag; the fallback language (which must have every kind its texts fall back to)
 * must be among them. The errata page corrects upstream texts. Throws a `BuildError` listing every problem; it reads and writes nothing.
 *
 * @example assembleLocales(pages, registryKeys, 'docs').map((locale) => locale.lang) // ['ar', 'en', …]
 */
export function assembleLocales(
  parsed: readonly (Page | BuildProblem)[],
  registry: readonly string[],
  docsLabel: string,
): AssembledLocale[] {
  const problems: BuildProblem[] = [];
  const byLanguage = new Map<string, CheckedPage[]>();
  const errata: Erratum[] = [];
  for (const page of parsed) {
    if (!('tree' in page)) {
      problems.push(page);
      continue;
    }
    const kind = pageKind(page);
    if ('name' in kind && kind.name === 'errata') {
      errata.push(...checkErrata(page, problems));
      continue;
    }
    const checked = checkPage(page, problems, registry);
    if (checked === undefined) continue;
    byLanguage.set(checked.lang, [...(byLanguage.get(checked.lang) ?? []), checked]);
  }
  if (problems.length === 0 && !byLanguage.has(fallbackLanguage)) {
    problems.push({ file: docsLabel, line: 0, message: `no page for the fallback language "${fallbackLanguage}"` });
  }
  const locales = [...byLanguage.keys()]
    .sort()
    .map((lang) => merge(lang, byLanguage.get(lang) ?? [], problems))
    .filter((locale) => locale !== undefined);
  const corrected = applyErrata(locales, errata, problems);
  if (problems.length > 0) throw new BuildError(problems);
  return corrected;
}
