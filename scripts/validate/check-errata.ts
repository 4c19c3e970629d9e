import { SmtpStatusCode, type SmtpStatusName } from '../../src/catalog/smtp-status-code.ts';
import { show } from '../../src/errors/show-value.ts';
import type { BuildProblem } from '../build-problem.ts';
import type { Page } from '../parse/parse-page.ts';
import { pageRows } from './page-rows.ts';
import type { AssembledLocale } from './schemas.ts';
import { erratumRowSchema } from './schemas.ts';

/** One correction of an upstream text, as the errata page lists it. */
export interface Erratum {
  file: string;
  line: number;
  lang: string;
  member: SmtpStatusName;
  /** The upstream text exactly as published: the erratum applies only while upstream still says it. */
  upstream: string;
  corrected: string;
  reason: string;
}

/**
 * Checks an errata page (`docs/project/texts/errata.md`): five cells a row (language, member,
 * upstream text, corrected text, why), each text valid, one erratum per language and member.
 * Problems, with file and line, are appended to `problems`.
 *
 * @example checkErrata(page, problems)[0] // { lang: 'en', member: 'CommandNotPermitted', … }
 */
export function checkErrata(page: Page, problems: BuildProblem[]): Erratum[] {
  const { file } = page;
  const errata = new Map<string, Erratum>();
  const shape = '| language | Member | upstream text | corrected text | why |';
  for (const row of pageRows(page, shape, problems)) {
    const [lang, member, upstream, corrected, reason] = row.cells.map((cell) => cell.text);
    const parsed = erratumRowSchema.safeParse({ lang, member, upstream, corrected, reason });
    if (row.cells.length !== 5 || !parsed.success) {
      const why =
        row.cells.length === 5
          ? (parsed.error?.issues.map((issue) => issue.message).join('; ') ?? '')
          : `the row has ${row.cells.length} cells; expected 5: language | member | upstream text | corrected text | why`;
      problems.push({ file, line: row.line, message: why });
      continue;
    }
    if (!Object.hasOwn(SmtpStatusCode, parsed.data.member)) {
      problems.push({
        file,
        line: row.line,
        message: `unknown member ${show(parsed.data.member)}: SmtpStatusCode has no such member`,
      });
      continue;
    }
    const key = `${parsed.data.lang} ${parsed.data.member}`;
    const first = errata.get(key);
    if (first !== undefined) {
      problems.push({ file, line: row.line, message: `a second erratum for ${key} (first at line ${first.line})` });
      continue;
    }
    errata.set(key, { file, line: row.line, ...parsed.data, member: parsed.data.member as SmtpStatusName });
  }
  return [...errata.values()];
}

/**
 * The locales with the errata applied: each corrected member gets the corrected text, and the
 * locale records the upstream text and the reason. An erratum whose language has no locale, or
 * whose upstream text is no longer what upstream publishes, stops the build naming it: someone
 * must decide whether it is still needed. Problems are appended to `problems`.
 *
 * @example applyErrata(locales, errata, problems).find((locale) => locale.lang === 'en')?.errata
 */
export function applyErrata(
  locales: readonly AssembledLocale[],
  errata: readonly Erratum[],
  problems: BuildProblem[],
): AssembledLocale[] {
  const byLanguage = new Map(locales.map((locale) => [locale.lang, locale]));
  for (const erratum of errata) {
    const where = `erratum ${erratum.lang} ${erratum.member}`;
    const locale = byLanguage.get(erratum.lang);
    if (locale === undefined) {
      problems.push({
        file: erratum.file,
        line: erratum.line,
        message: `${where}: no page for language "${erratum.lang}"`,
      });
      continue;
    }
    const published = locale.codes[erratum.member];
    if (published !== erratum.upstream) {
      problems.push({
        file: erratum.file,
        line: erratum.line,
        message: `${where}: upstream now says ${show(published)} (${locale.source.file}), not the text this erratum corrects; update or remove the erratum`,
      });
      continue;
    }
    byLanguage.set(erratum.lang, {
      ...locale,
      codes: { ...locale.codes, [erratum.member]: erratum.corrected },
      errata: { ...locale.errata, [erratum.member]: { upstream: erratum.upstream, reason: erratum.reason } },
    });
  }
  return locales.map((locale) => byLanguage.get(locale.lang) ?? locale);
}
