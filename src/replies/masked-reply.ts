// What of a reply's text belongs to one message, not to what the server meant: the addresses it
// quotes in angle brackets, Gmail's id of the message in any reply, and the ids a success gives
// the message it took. Masked, replies that
// differ only by them read alike: the reason classifier reads masked text (a recipient
// `<gsmtp@example.org>` names no provider), and the streaming CLI keeps answers by it.

// `<local@domain>`: no white space and no other bracket inside, so a masked span never holds a
// line break, a reply code or an enhanced code, and a masked text is masked again unchanged.
const address = /<[^\s<>@]+@[^\s<>]+>/gu;

// Ids of an accepted message, each as its server writes it: Gmail
// `250 2.0.0 OK  1700000000 a1b2c3d4e5f6.123 - gsmtp` (a time and the message's id, masked as
// `OK # # - gsmtp`), Postfix `250 2.0.0 Ok: queued as 4Xyz12AbC`, Exchange Online
// `[InternalId=12345678901234, …]` (the id after its words masked as `#`). Two patterns, each
// replaced by a string (a replacement function cost more than the search) and each tried only
// when the words it needs are there. No match of one can overlap a match of the other (a Gmail
// id holds no space and no `=`), and Postfix's and Exchange's go first, so this is what one
// pattern of both alternatives gives, left to right.
const gmailAccepted = /\bOK +\d{1,20} +[\w.-]{1,200} +- gsmtp\b/gu;
const queueId = /\b(queued as |InternalId=)[\dA-Za-z]{1,64}\b/gu;

// Gmail's id of the message, the token before `- gsmtp` that holds `si` and digits, in a failure
// as in a success (`… ?p=NoSuchUser a1si123456qkb.10 - gsmtp`); a sentence's last word
// (`… too quickly. - gsmtp`) is no id. Bounded: at most 100 characters tried from each position.
const gmailId = /\b[\dA-Za-z-]{1,100}si\d{1,20}[\dA-Za-z.-]{0,40}(?= +- gsmtp\b)/gu;

/**
 * A reply's text with each address it quotes in angle brackets written `<@>`.
 *
 * @example maskAddresses('550 5.1.1 <a@example.com>: User unknown') // '550 5.1.1 <@>: User unknown'
 */
export function maskAddresses(text: string): string {
  // Most replies quote no address: one search for `@` spares them the pattern.
  return text.includes('@') ? text.replace(address, '<@>') : text;
}

/**
 * A failure's text (any reply but a success) with its addresses masked and Gmail's id of the
 * message written `#`.
 *
 * @example maskFailure('550 5.1.1 https://support.google.com/mail/?p=NoSuchUser a1si1.10 - gsmtp') // '550 5.1.1 https://support.google.com/mail/?p=NoSuchUser # - gsmtp'
 */
export function maskFailure(text: string): string {
  const masked = maskAddresses(text);
  return masked.includes('gsmtp') && mayHoldGmailId(masked) ? masked.replace(gmailId, '#') : masked;
}

/** Whether a character may be part of Gmail's id: a letter or digit of ASCII, `-` or `.`. */
function idCharacter(char: number): boolean {
  return (
    (char >= 48 && char <= 57) ||
    (char >= 65 && char <= 90) ||
    (char >= 97 && char <= 122) ||
    char === 45 ||
    char === 46
  );
}

/**
 * Whether `gmailId` may match: some `- gsmtp` has spaces before it, and the run of id characters
 * before those holds `si` and a digit. Every match of `gmailId` is such a run's end, so a text
 * without one is left as it is without the pattern (which tries each word, and took most of the
 * time of masking a reply of Gmail's that has no id: `… receiving mail too quickly. - gsmtp`).
 */
function mayHoldGmailId(text: string): boolean {
  for (let at = text.indexOf('- gsmtp'); at !== -1; at = text.indexOf('- gsmtp', at + 7)) {
    let end = at;
    while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
    if (end < at && holdsSiDigit(text, end)) return true;
  }
  return false;
}

/** Whether the run of id characters that ends at `end` holds `si` and a digit. */
function holdsSiDigit(text: string, end: number): boolean {
  let start = end;
  while (start > 0 && idCharacter(text.charCodeAt(start - 1))) start--;
  for (let si = text.indexOf('si', start); si !== -1 && si + 2 < end; si = text.indexOf('si', si + 1)) {
    const after = text.charCodeAt(si + 2);
    if (after >= 48 && after <= 57) return true;
  }
  return false;
}

/**
 * A success reply's text with the ids it gives the accepted message written `#` (Gmail's time
 * and id, Postfix's queue id, Exchange Online's internal id), and its addresses masked.
 *
 * @example maskSuccess('250 2.0.0 Ok: queued as 4Xyz12AbC') // '250 2.0.0 Ok: queued as #'
 */
export function maskSuccess(text: string): string {
  let masked = maskAddresses(text);
  if (masked.includes('queued as ') || masked.includes('InternalId=')) masked = masked.replace(queueId, '$1#');
  return masked.includes('gsmtp') ? masked.replace(gmailAccepted, 'OK # # - gsmtp') : masked;
}

/**
 * A reply as the streaming CLI and a catalog keep its answer: `maskSuccess` for a success (2xx),
 * else `maskFailure`. Replies with the same mask have the same answer but for the reply's own
 * text: the same codes (no mask reaches them) and the same reason (`classifyReason` reads them masked).
 *
 * @example maskedReply('550 5.1.1 <a@example.com>: User unknown') // '550 5.1.1 <@>: User unknown'
 */
export function maskedReply(text: string): string {
  return text.charCodeAt(0) === 50 ? maskSuccess(text) : maskFailure(text);
}
