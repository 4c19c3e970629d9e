// What a reply names besides its reason: a help link and a block list, carried as data so that a
// reader can follow them (docs/texts-style.md, "Advice": texts do not repeat URLs).

// Bounded: a link of at most 300 characters, so a hostile text costs linear time.
const linkPattern = /https?:\/\/[^\s<>"'()[\]{}]{1,300}/iu;

/**
 * The first link (http or https) a reply's text gives, without a trailing full stop or comma.
 *
 * @example linkIn('Please visit https://support.google.com/mail/answer/6596 for more.') // 'https://support.google.com/mail/answer/6596'
 */
export function linkIn(text: string): string | undefined {
  const found = linkPattern.exec(text)?.[0];
  return found?.replace(/[.,;:]+$/u, '');
}

/**
 * The block list a reply names, as the name it gives (`zen.spamhaus.org`); a web address of
 * the operator (`www.spamhaus.org`) names the zone only. `pattern`: global, the labels before a
 * zone and the zone (compiled-rules.ts). `from`: where to start looking, a position no name
 * starts before (`listNamed`); the pattern's own `lastIndex` is set and left as it ends.
 *
 * @example listIn('blocked using zen.spamhaus.org', /…/giu) // 'zen.spamhaus.org'
 */
export function listIn(text: string, pattern: RegExp | undefined, from = 0): string | undefined {
  if (pattern === undefined) return undefined;
  let fallback: string | undefined;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const name = match[0].toLowerCase();
    if (!name.startsWith('www.')) return name;
    fallback ??= name.slice(4);
  }
  return fallback;
}

/**
 * The block list a reply's text names (`listIn`), looked for from where a name may start:
 * in ASCII text (`lower`, its lower case), the run of letters, digits, dots and hyphens that
 * holds the first zone (`zones`, the zones alone). A name is labels and a zone, all such
 * characters (the build takes no other zone: scripts/reasons/rule-schemas.ts), so none starts
 * before that run, and one in an earlier run would hold an earlier zone. Starting there spares
 * the pattern its tries at every position before (each tries up to four labels), which took a
 * fifth of explaining a new block-list refusal. Other text (`lower` undefined) is searched
 * whole: case folding may match other letters.
 *
 * @example listNamed('blocked using zen.spamhaus.org', 'blocked using zen.spamhaus.org', pattern, zones) // 'zen.spamhaus.org'
 */
export function listNamed(
  text: string,
  lower: string | undefined,
  pattern: RegExp | undefined,
  zones: RegExp | undefined,
): string | undefined {
  if (lower === undefined) return listIn(text, pattern);
  const zoneAt = zones?.exec(lower)?.index;
  if (zoneAt === undefined) return undefined;
  let start = zoneAt;
  while (start > 0 && isNameCharacter(lower.charCodeAt(start - 1))) start--;
  return listIn(text, pattern, start);
}

/** A character of a host name in lower case: a-z, 0-9, `-` or `.`. */
function isNameCharacter(char: number): boolean {
  return (char >= 97 && char <= 122) || (char >= 48 && char <= 57) || char === 45 || char === 46;
}
