/**
 * The language ranges of an `Accept-Language` header (RFC 9110 §12.5.4), best first: by
 * q-value, then in the order given. Ranges with `q=0`, a malformed q-value, or `*` are dropped:
 * the catalog falls back to English after the last one anyway.
 *
 * @example languagePreferences('fr-CA;q=0.8, ar, *;q=0.1') // ['ar', 'fr-CA']
 */
export function languagePreferences(header: string): string[] {
  const ranked: { tag: string; q: number; index: number }[] = [];
  // A header is at most a few dozen ranges; more is noise, and the work stays bounded.
  for (const [index, part] of header.split(',', maxRanges).entries()) {
    const [range = '', ...parameters] = part.split(';');
    const tag = range.trim();
    const q = qValue(parameters);
    if (tag !== '' && tag !== '*' && q !== undefined && q > 0) ranked.push({ tag, q, index });
  }
  return ranked.sort((a, b) => b.q - a.q || a.index - b.index).map((range) => range.tag);
}

const maxRanges = 32;
const weight = /^\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/iu;

/** The q-value of a range's parameters: 1 when absent, `undefined` when malformed. */
function qValue(parameters: readonly string[]): number | undefined {
  if (parameters.length === 0) return 1;
  const match = parameters.length === 1 ? weight.exec(parameters[0] ?? '') : null;
  return match ? Number(match[1]) : undefined;
}
