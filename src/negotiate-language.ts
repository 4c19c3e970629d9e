/**
 * The catalog keys to try for one language preference, most specific first, following
 * RFC 4647 lookup: `zh-Hant-TW` → `zh-Hant-TW`, `zh-Hant`, `zh-TW`, `zh`. POSIX locale names
 * (`fr_FR.UTF-8`, `sr_RS@latin`) are read as the tag they name. Anything that is not a
 * language tag gives no candidate, so the caller falls back.
 *
 * @example languageCandidates('fr_CA.UTF-8') // ['fr-CA', 'fr']
 */
export function languageCandidates(preference: string): string[] {
  // A POSIX name is `language_TERRITORY.codeset@modifier`; the codeset and modifier are not part of a tag.
  const tag =
    preference.includes('_') || /^[^-]*[.@]/u.test(preference)
      ? preference.replace(/[.@].*$/su, '').replaceAll('_', '-')
      : preference;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    // Intl throws a RangeError for what is not a well-formed BCP 47 tag: user data, not a bug.
    return [];
  }
  const { language, script, region } = locale;
  // `zh-TW` is written in Hant: a catalog keyed `zh-Hant` serves it.
  const likelyScript = script === undefined && region !== undefined ? locale.maximize().script : undefined;
  const candidates = [
    locale.baseName,
    script && region ? `${language}-${script}-${region}` : undefined,
    script ? `${language}-${script}` : undefined,
    region ? `${language}-${region}` : undefined,
    likelyScript ? `${language}-${likelyScript}` : undefined,
    language,
  ];
  return [...new Set(candidates.filter((candidate): candidate is string => candidate !== undefined))];
}

/** The canonical form of a tag, as catalogs are keyed; `undefined` when it is not a tag. */
export function canonicalLanguage(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
