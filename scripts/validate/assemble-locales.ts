import { fallbackLanguage } from '../../src/catalog/negotiate-language.ts';
import { BuildError, type BuildProblem } from '../build-problem.ts';
import { findTables } from '../parse/find-tables.ts';
import type { Page } from '../parse/parse-page.ts';
import { applyErrata, checkErrata, type Erratum } from './check-errata.ts';
import { type CheckedPage, checkPage } from './check-page.ts';
import { type AssembledLocale, assembledLocaleSchema } from './schemas.ts';

/** The page of each kind for one language; a problem for every kind given twice. */
function pickPages(lang: string, pages: readonly CheckedPage[], problems: BuildProblem[]) {
  const kinds = [
    ['an enumeration table', pages.filter((page) => page.codes)],
    ['a generic-text table', pages.filter((page) => page.generic)],
    ['an enhanced-code table', pages.filter((page) => page.enhanced)],
    ['a cause table', pages.filter((page) => page.causes)],
  ] as const;
  for (const [kind, list] of kinds) {
    for (const extra of list.slice(1)) {
      problems.push({
        file: extra.file,
        line: 1,
        message: `two pages for language "${lang}" with ${kind}: ${list[0]?.file} and ${extra.file}`,
      });
    }
  }
  return { catalog: kinds[0][1][0], generic: kinds[1][1][0], enhanced: kinds[2][1][0], causes: kinds[3][1][0] };
}

function merge(lang: string, pages: readonly CheckedPage[], problems: BuildProblem[]): AssembledLocale | undefined {
  const first = pages[0];
  if (first === undefined) return undefined;
  const { catalog, generic, enhanced, causes } = pickPages(lang, pages, problems);
  if (catalog?.codes === undefined) {
    problems.push({ file: first.file, line: 1, message: `language "${lang}" has no page with the enumeration table` });
    return undefined;
  }
  const needs = [
    [generic, 'a generic-text table (| 5xx | description |)'],
    [enhanced, 'an enhanced-code table (| X.1.1 | description |)'],
    [causes, 'a cause table (| timeout | description |)'],
  ] as const;
  for (const [page, what] of needs) {
    if (page === undefined && lang === fallbackLanguage) {
      problems.push({ file: catalog.file, line: 1, message: `the fallback language "${lang}" needs ${what}` });
    }
  }
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
    codes: catalog.codes,
    ...(generic?.generic && { generic: { file: generic.file, texts: generic.generic } }),
    ...(enhanced?.enhanced && { enhanced: { file: enhanced.file, texts: enhanced.enhanced } }),
    ...(causes?.causes && { causes: { file: causes.file, texts: causes.causes } }),
  });
}

/**
 * Validates parsed pages (or the problems parsing found) into one locale per language, sorted
 * by language tag; the fallback language (whose page must carry the generic and enhanced texts)
 * must be among them. An errata page (a table of five columns) corrects upstream texts. Throws a `BuildError` listing every problem; it reads and writes nothing.
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
    if (findTables(page).errata.length > 0) {
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
