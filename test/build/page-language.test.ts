// A page's language comes from its front matter: `lang:`, else the Aspose `url:`, where a url
// without a language segment is the site's default language, English; and an empty
// `description:` (older English pages) is accepted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildProblem } from '../../scripts/build-problem.ts';
import { parsePage } from '../../scripts/parse/parse-page.ts';
import { checkPage, urlLanguage } from '../../scripts/validate/check-page.ts';
import { upstreamDir } from '../helpers/temp-dir.ts';

// The English upstream page as published at d473ddaa4bd1: `url: /net/aspose.email.clients.smtp/…`.
const englishPage = readFileSync(join(upstreamDir, 'en.md'), 'utf8');

function check(text: string) {
  const page = parsePage('page.md', text);
  if (!('tree' in page)) throw new Error(page.message);
  const problems: BuildProblem[] = [];
  return { checked: checkPage(page, problems, []), problems };
}

describe('the language of a page', () => {
  it.each([
    ['/net/aspose.email.clients.smtp/smtpstatuscode/', 'en'],
    ['/de/net/aspose.email.clients.smtp/smtpstatuscode/', 'de'],
    ['/zh/net/aspose.email.clients.smtp/smtpstatuscode/', 'zh'],
    ['/pt-br/net/aspose.email/smtpclient/', 'pt-br'],
    ['/net/aspose.email.clients.smtp/smtpstatuscode', 'en'],
    ['/fr/', undefined],
    ['/', undefined],
    ['', undefined],
  ])('url %j → %s', (url, lang) => {
    expect(urlLanguage(url)).toBe(lang);
  });

  it('accepts the English upstream page, whose url has no language segment', () => {
    const { checked, problems } = check(englishPage);
    expect(problems).toEqual([]);
    expect(checked?.lang).toBe('en');
    expect(checked?.kind === 'codes' && checked.codes.MailboxUnavailable).toBe(
      'It usually defines a non-existent email address on the remote side.',
    );
  });

  it('accepts an empty `description:` (older English pages have one) as no description', () => {
    const older = englishPage.replace(/^description: .*$/mu, 'description:');
    expect(older).not.toBe(englishPage);
    const { checked, problems } = check(older);
    expect(problems).toEqual([]);
    expect(checked?.frontMatter.description).toBeUndefined();
    expect(checked?.lang).toBe('en');
  });

  it('prefers `lang:` to the url, and canonicalises the tag', () => {
    const page = englishPage.replace(/^url: .*$/mu, '$&\nlang: DE-ch');
    expect(check(page).checked?.lang).toBe('de-CH');
  });

  it('still refuses a page with neither `lang:` nor an API reference url', () => {
    const page = englishPage.replace(/^url: .*$/mu, 'url: /net/aspose.email.clients.smtp/');
    expect(check(page).problems).toEqual([
      {
        file: 'page.md',
        line: 7,
        message:
          'no language: the front matter needs `lang:` or an API reference `url:` (/fr/net/<namespace>/<type>/, or /net/… for English)',
      },
    ]);
  });
});
