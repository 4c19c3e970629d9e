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
 * the operator (`www.spamhaus.org`) names the zone only.
 *
 * @example listIn('blocked using zen.spamhaus.org', /…/giu) // 'zen.spamhaus.org'
 */
export function listIn(text: string, pattern: RegExp | undefined): string | undefined {
  if (pattern === undefined) return undefined;
  let fallback: string | undefined;
  for (const match of text.matchAll(pattern)) {
    const name = match[0].toLowerCase();
    if (!name.startsWith('www.')) return name;
    fallback ??= name.slice(4);
  }
  return fallback;
}
