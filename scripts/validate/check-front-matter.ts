import { canonicalLanguage } from '../../src/catalog/negotiate-language.ts';
import { show } from '../../src/errors/show-value.ts';
import type { BuildProblem } from '../build-problem.ts';
import type { Page } from '../parse/parse-page.ts';
import { type FrontMatter, frontMatterSchema } from './schemas.ts';

/**
 * The language of an API reference page without a language segment in its url: the site's
 * default. The page format is `[/<lang>]/<platform>/<namespace>/<type>/`, so the url alone says
 * whether a language segment is there.
 */
export const siteDefaultLanguage = 'en';

/** The language an Aspose `url:` names: its language segment, else the site's default. */
export function urlLanguage(url: string): string | undefined {
  const segments = url.split('/').filter(Boolean);
  if (segments.length === 4) return segments[0];
  return segments.length === 3 ? siteDefaultLanguage : undefined;
}

/** The page's language: `lang:` if given, else the one Aspose's `url:` names. */
function pageLanguage(frontMatter: FrontMatter): { lang: string } | { error: string } {
  const raw = frontMatter.lang ?? urlLanguage(frontMatter.url ?? '');
  if (raw === undefined) {
    return {
      error:
        'no language: the front matter needs `lang:` or an API reference `url:` (/fr/net/<namespace>/<type>/, or /net/… for English)',
    };
  }
  const canonical = canonicalLanguage(raw);
  return canonical === undefined ? { error: `not a BCP 47 language tag: ${show(raw)}` } : { lang: canonical };
}

/** The file line of a front matter key (the first line when it is absent). */
export function frontMatterLine(page: Page, key: string): number {
  const index = page.frontMatterLines.findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? 1 : index + 2;
}

/**
 * A page's front matter, validated, and its language; problems (with the front matter's line)
 * for what is wrong, and `undefined` then.
 *
 * @example checkFrontMatter(page, problems)?.lang // 'fr'
 */
export function checkFrontMatter(
  page: Page,
  problems: BuildProblem[],
): { frontMatter: FrontMatter; lang: string } | undefined {
  const frontMatter = frontMatterSchema.safeParse(page.data);
  if (!frontMatter.success) {
    for (const issue of frontMatter.error.issues) {
      const key = String(issue.path[0] ?? '');
      problems.push({
        file: page.file,
        line: frontMatterLine(page, key),
        message: `front matter ${key}: ${issue.message}`,
      });
    }
    return undefined;
  }
  const language = pageLanguage(frontMatter.data);
  if ('error' in language) {
    const line = frontMatterLine(page, frontMatter.data.lang === undefined ? 'url' : 'lang');
    problems.push({ file: page.file, line, message: language.error });
    return undefined;
  }
  return { frontMatter: frontMatter.data, lang: language.lang };
}
