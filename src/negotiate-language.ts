/**
 * The catalog keys to try for one language preference, most specific first, following
 * RFC 4647 lookup: `zh-Hant-TW` → `zh-Hant-TW`, `zh-Hant`, `zh-TW`, `zh`. POSIX locale names
 * (`fr_FR.UTF-8`, `sr_RS@latin`) are read as the tag they name. Anything that is not a
 * language tag gives no candidate, so the caller falls back.
 *
 * @example languageCandidates('fr_CA.UTF-8') // ['fr-CA', 'fr']
 */
export function languageCandidates(preference: string): string[] {
  let locale: Intl.Locale;
  try {
    // A POSIX name is `language_TERRITORY.codeset@modifier`; the codeset and modifier are not
    // part of a tag (and `.`, `@` and `_` never occur in one, so a tag is left as it is).
    locale = new Intl.Locale(preference.replace(/[.@].*/su, '').replaceAll('_', '-'));
  } catch {
    // Intl throws a RangeError for what is not a well-formed BCP 47 tag: user data, not a bug.
    return [];
  }
  const { baseName, language, script, region } = locale;
  // `zh-TW` is written in Hant: a catalog keyed `zh-Hant` serves it.
  const likelyScript = script ?? (region && locale.maximize().script);
  // A candidate with a missing subtag is the base name again, which the Set drops.
  const tag = (...subtags: (string | undefined)[]) => (subtags.includes(undefined) ? baseName : subtags.join('-'));
  return [
    ...new Set([
      baseName,
      tag(language, script, region),
      tag(language, script),
      tag(language, region),
      tag(language, likelyScript),
      language,
    ]),
  ];
}

/** The canonical form of a tag, as catalogs are keyed; `undefined` when it is not a tag. */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
