// A synthetic mail log for the streaming benchmark: realistic lines of 150–350 characters in the
// formats `smtp-status explain` reads (Postfix, Exim, Sendmail), some quoting the long texts of
// Gmail, Microsoft 365 and Yahoo, each with its own queue id and recipient, and one template in
// eleven with nothing to explain (a Postfix qmgr line).

const templates: ((id: string, user: string) => string)[] = [
  (id, user) =>
    `Jun 17 10:22:33 mail postfix/smtp[12345]: ${id}: to=<${user}@acme.example>, relay=mx.acme.example[192.0.2.1]:25, delay=0.45, dsn=5.1.1, status=bounced (host mx.acme.example[192.0.2.1] said: 550 5.1.1 <${user}@acme.example>: Recipient address rejected: User unknown (in reply to RCPT TO command))`,
  (id, user) =>
    `Jun 17 10:23:01 mail postfix/smtp[12346]: ${id}: to=<${user}@example.org>, relay=none, delay=30, delays=0.01/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.org[203.0.113.5]:25: Connection timed out)`,
  (id, user) =>
    `Jun 17 10:23:05 mail postfix/smtp[12347]: ${id}: to=<${user}@example.net>, relay=mx.example.net[198.51.100.7]:25, delay=1.2, delays=0.1/0/0.4/0.7, dsn=2.0.0, status=sent (250 2.0.0 OK 1718619753 x12si1234567qkj.45 - gsmtp)`,
  (id, user) =>
    `Jun 17 10:23:09 mail postfix/smtp[12348]: ${id}: to=<${user}@example.com>, relay=mx.example.com[198.51.100.9]:25, delay=2.3, delays=0.1/0/0.9/1.3, dsn=4.2.2, status=deferred (host mx.example.com[198.51.100.9] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))`,
  (id, user) =>
    `2024-03-01 10:00:00 ${id}-0004Aa-2B ** ${user}@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.25]: SMTP error from remote mail server after RCPT TO:<${user}@example.org>: 550 5.1.1 <${user}@example.org>: Recipient address rejected: User unknown`,
  (id, user) =>
    `2024-03-01 10:00:05 ${id}-0004Ab-3C == ${user}@example.net R=dnslookup T=remote_smtp defer (-44) H=mx.example.net [198.51.100.7]: SMTP error from remote mail server after RCPT TO:<${user}@example.net>: 451 4.7.1 Greylisted, please try again later`,
  (id, user) =>
    `Mar  1 10:00:00 host sm-mta[1234]: ${id}: to=<${user}@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120385, relay=mx.example.org. [192.0.2.25], dsn=5.1.1, stat=User unknown`,
  // Long provider texts (Gmail, Microsoft 365, Yahoo), written from their documented replies.
  (id, user) =>
    `Jun 17 10:23:14 mail postfix/smtp[12349]: ${id}: to=<${user}@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.26]:25, delay=0.9, dsn=4.2.1, status=deferred (host gmail-smtp-in.l.google.com[192.0.2.26] said: 450 4.2.1 The user you are trying to contact is receiving mail too quickly. - gsmtp (in reply to RCPT TO command))`,
  (id, user) =>
    `Jun 17 10:23:17 mail postfix/smtp[12350]: ${id}: to=<${user}@contoso.com>, relay=contoso-com.mail.protection.outlook.com[198.51.100.20]:25, delay=1.1, dsn=5.4.1, status=bounced (host contoso-com.mail.protection.outlook.com[198.51.100.20] said: 550 5.4.1 Recipient address rejected: Access denied. AS(201806281) (in reply to RCPT TO command))`,
  (id, user) =>
    `Jun 17 10:23:21 mail postfix/smtp[12351]: ${id}: to=<${user}@yahoo.com>, relay=mta5.am0.yahoodns.net[192.0.2.40]:25, dsn=4.7.0, status=deferred (host mta5.am0.yahoodns.net[192.0.2.40] said: 421 4.7.0 [TSS04] Messages from 192.0.2.5 temporarily deferred due to unexpected volume or user complaints; see https://postmaster.yahooinc.com/error-codes)`,
  (id, user) =>
    `Jun 17 10:23:25 mail postfix/qmgr[123]: ${id}: from=<${user}@example.com>, size=48213, nrcpt=1 (queue active), client=mail.example.com[192.0.2.44], proto=ESMTP`,
];

/** How many templates the lines cycle through. */
export const mailLogTemplates = templates.length;

/**
 * `count` log lines, newline-terminated, as one string.
 *
 * @example mailLogLines(8).split('\n').length // 9
 */
export function mailLogLines(count: number): string {
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    const id = (0x4f1a2b3c4d + index * 7919).toString(16).toUpperCase();
    const user = `user${index % 5003}`;
    lines.push((templates[index % templates.length] as (id: string, user: string) => string)(id, user));
  }
  return `${lines.join('\n')}\n`;
}
