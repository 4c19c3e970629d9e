// A synthetic mail log for the streaming benchmark, written by us from the formats Postfix, Exim
// and Sendmail document: realistic lines of 150–350 characters in the formats `smtp-status
// explain` reads, some quoting the long texts of Gmail, Microsoft 365 and Yahoo, and one template
// in eleven with nothing to explain (a Postfix qmgr line). As in a real log, what belongs to one
// delivery differs on every line (time, process id, queue id, recipient, delays, Gmail's message
// id), while a provider's text repeats word for word from line to line.

/** What one line of the log has of its own. */
interface Delivery {
  /** Syslog's time (`Jun 17 10:22:33`, Postfix and Sendmail) and Exim's (`2024-06-17 10:22:33`). */
  syslogTime: string;
  eximTime: string;
  pid: number;
  id: string;
  user: string;
  /** Postfix's `delay=`, seconds. */
  delay: string;
  /** Gmail's id of an accepted message, and the time it gives. */
  gmailId: string;
  epoch: number;
}

const templates: ((line: Delivery) => string)[] = [
  ({ syslogTime, pid, id, user, delay }) =>
    `${syslogTime} mx postfix/smtp[${pid}]: ${id}: to=<${user}@acme.example>, relay=mx.acme.example[192.0.2.1]:25, delay=${delay}, dsn=5.1.1, status=bounced (host mx.acme.example[192.0.2.1] said: 550 5.1.1 <${user}@acme.example>: Recipient address rejected: User unknown (in reply to RCPT TO command))`,
  ({ syslogTime, pid, id, user }) =>
    `${syslogTime} mx postfix/smtp[${pid}]: ${id}: to=<${user}@example.org>, relay=none, delay=30, delays=0.01/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.org[203.0.113.5]:25: Connection timed out)`,
  ({ syslogTime, pid, id, user, delay, gmailId, epoch }) =>
    `${syslogTime} mx postfix/smtp[${pid}]: ${id}: to=<${user}@example.net>, relay=mx.example.net[198.51.100.7]:25, delay=${delay}, delays=0.1/0/0.4/0.7, dsn=2.0.0, status=sent (250 2.0.0 OK ${epoch} ${gmailId} - gsmtp)`,
  ({ syslogTime, pid, id, user, delay }) =>
    `${syslogTime} mx postfix/smtp[${pid}]: ${id}: to=<${user}@example.com>, relay=mx.example.com[198.51.100.9]:25, delay=${delay}, delays=0.1/0/0.9/1.3, dsn=4.2.2, status=deferred (host mx.example.com[198.51.100.9] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))`,
  ({ eximTime, id, user }) =>
    `${eximTime} ${id}-0004Aa-2B ** ${user}@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.25]: SMTP error from remote mail server after RCPT TO:<${user}@example.org>: 550 5.1.1 <${user}@example.org>: Recipient address rejected: User unknown`,
  ({ eximTime, id, user }) =>
    `${eximTime} ${id}-0004Ab-3C == ${user}@example.net R=dnslookup T=remote_smtp defer (-44) H=mx.example.net [198.51.100.7]: SMTP error from remote mail server after RCPT TO:<${user}@example.net>: 451 4.7.1 Greylisted, please try again later`,
  ({ syslogTime, pid, id, user }) =>
    `${syslogTime} host sm-mta[${pid}]: ${id}: to=<${user}@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120385, relay=mx.example.org. [192.0.2.25], dsn=5.1.1, stat=User unknown`,
  // Long provider texts (Gmail, Microsoft 365, Yahoo), written from their documented replies.
  ({ syslogTime, pid, id, user, delay }) =>
    `${syslogTime} mx postfix/smtp[${pid}]: ${id}: to=<${user}@gmail.com>, relay=gmail-smtp-in.l.google.com[192.0.2.26]:25, delay=${delay}, dsn=4.2.1, status=deferred (host gmail-smtp-in.l.google.com[192.0.2.26] said: 450 4.2.1 The user you are trying to contact is receiving mail too quickly. - gsmtp (in reply to RCPT TO command))`,
  ({ syslogTime, pid, id, user, delay }) =>
    `${syslogTime} mx postfix/smtp[${pid}]: ${id}: to=<${user}@contoso.com>, relay=contoso-com.mail.protection.outlook.com[198.51.100.20]:25, delay=${delay}, dsn=5.4.1, status=bounced (host contoso-com.mail.protection.outlook.com[198.51.100.20] said: 550 5.4.1 Recipient address rejected: Access denied. AS(201806281) (in reply to RCPT TO command))`,
  ({ syslogTime, pid, id, user }) =>
    `${syslogTime} mx postfix/smtp[${pid}]: ${id}: to=<${user}@yahoo.com>, relay=mta5.am0.yahoodns.net[192.0.2.40]:25, dsn=4.7.0, status=deferred (host mta5.am0.yahoodns.net[192.0.2.40] said: 421 4.7.0 [TSS04] Messages from 192.0.2.5 temporarily deferred due to unexpected volume or user complaints; see https://postmaster.yahooinc.com/error-codes)`,
  ({ syslogTime, pid, id, user }) =>
    `${syslogTime} mx postfix/qmgr[${pid}]: ${id}: from=<${user}@example.com>, size=48213, nrcpt=1 (queue active), client=mail.example.com[192.0.2.44], proto=ESMTP`,
];

/** How many templates the lines cycle through. */
export const mailLogTemplates = templates.length;

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
// Where the log starts (2024-06-17 00:00:00 UTC), and eleven lines a second from there.
const start = Date.UTC(2024, 5, 17) / 1000;

function deliveryAt(index: number): Delivery {
  const epoch = start + Math.floor(index / 11);
  const time = new Date(epoch * 1000);
  const clock = `${two(time.getUTCHours())}:${two(time.getUTCMinutes())}:${two(time.getUTCSeconds())}`;
  const day = time.getUTCDate();
  return {
    syslogTime: `${months[time.getUTCMonth()]} ${String(day).padStart(2, ' ')} ${clock}`,
    eximTime: `${time.getUTCFullYear()}-${two(time.getUTCMonth() + 1)}-${two(day)} ${clock}`,
    pid: 12000 + ((index * 7) % 997),
    id: (0x4f1a2b3c4d + index * 7919).toString(16).toUpperCase(),
    user: `user${index % 5003}`,
    delay: ((index % 379) / 100).toFixed(2),
    gmailId: `${(index * 2654435761).toString(36).slice(-8)}si${(index % 9973) + 1000}qkj.${index % 97}`,
    epoch,
  };
}

/**
 * `count` log lines, newline-terminated, as one string.
 *
 * @example mailLogLines(8).split('\n').length // 9
 */
export function mailLogLines(count: number): string {
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    lines.push((templates[index % templates.length] as (line: Delivery) => string)(deliveryAt(index)));
  }
  return `${lines.join('\n')}\n`;
}
