// What of a reply's text belongs to one message, not to what the server meant: the addresses it
// quotes in angle brackets, Gmail's id of the message in any reply, and the ids a success gives
// the message it took. Masked, replies that
// differ only by them read alike: the reason classifier reads masked text (a recipient
// `<gsmtp@example.org>` names no provider), and the streaming CLI keeps answers by it.

// `<local@domain>`: no white space and no other bracket inside, so a masked span never holds a
// line break, a reply code or an enhanced code, and a masked text is masked again unchanged.
const address = /<[^\s<>@]+@[^\s<>]+>/gu;

// Ids of an accepted message, each as its server writes it, in one pattern: Gmail
// `250 2.0.0 OK  1700000000 a1b2c3d4e5f6.123 - gsmtp` (a time and the message's id, masked as
// `OK # # - gsmtp`), Postfix `250 2.0.0 Ok: queued as 4Xyz12AbC`, Exchange Online
// `[InternalId=12345678901234, …]` (the id after its words masked as `#`).
const messageId = /\bOK +\d{1,20} +[\w.-]{1,200} +- gsmtp\b|\b(queued as |InternalId=)[\dA-Za-z]{1,64}\b/gu;

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
  return masked.includes('gsmtp') ? masked.replace(gmailId, '#') : masked;
}

/**
 * A success reply's text with the ids it gives the accepted message written `#` (Gmail's time
 * and id, Postfix's queue id, Exchange Online's internal id), and its addresses masked.
 *
 * @example maskSuccess('250 2.0.0 Ok: queued as 4Xyz12AbC') // '250 2.0.0 Ok: queued as #'
 */
export function maskSuccess(text: string): string {
  return maskAddresses(text).replace(messageId, (_, words?: string) => (words ? `${words}#` : 'OK # # - gsmtp'));
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
