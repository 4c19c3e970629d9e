// A reply with no enhanced code is told by what its words say when they decide a reason: its
// reply code alone makes a claim of its own (the text of a bare 550 reads as a non-existent
// address), which must not be what a person reads of a block-list refusal (issue 22, "What a
// person reads never contradicts the reason"). Beside an enhanced code, the registered meaning
// is told and the words are kept as the reason.
import { describe, expect, it } from 'vitest';
import { explainBounce } from '../../src/bounce.ts';
import { createCatalog, describe as describeCode, explain, type LocaleData } from '../../src/index.ts';
import { enhancedText, localeFile, localesWith } from '../helpers/locale-files.ts';

// Exim's own replies, which carry no enhanced code unless configured to (The Exim Specification:
// "Access control lists", the default message of `dnslists`; "Main configuration",
// message_size_limit; the default message of a `deny` ACL verb).
const exim = [
  ['550 Rejected because 192.0.2.1 is in a black list at zen.spamhaus.org', 'blocked', 5],
  ['552 Message size exceeds maximum permitted', 'email-too-large', 5],
  ['550 Administrative prohibition', 'policy-violation', 5],
  // qmail-smtpd's refusal of an unknown local recipient (qmail's documentation, "badrcptto" patch replies).
  ['550 sorry, no mailbox here by that name', 'user-unknown', 5],
] as const;

/** The class sentence, then the reason's why, as the locale file writes them (docs/texts-style.md). */
function toldByReason(lang: string, cls: 4 | 5, id: string): string {
  const head = localeFile(lang).enhanced?.[`${cls}.X.X`] ?? '';
  const why = localeFile(lang).reasons?.[id]?.why ?? '';
  return /[。！？]$/u.test(head) ? head + why : `${head} ${why}`;
}

describe('a reply without an enhanced code, whose words decide its reason', () => {
  it.each(localesWith('enhanced', 'reasons').map((locale) => locale.lang))(
    'in %s, reads as its class, then as its reason, never as the reply code alone',
    (lang) => {
      for (const [reply, id, cls] of exim) {
        const explained = explain(reply, lang);
        expect(explained.reason, reply).toMatchObject({ id, by: 'words' });
        expect(explained.text, reply).toBe(toldByReason(lang, cls, id));
        expect(explained.source).toBe('reason');
        expect(describeCode(reply, lang)).toBe(explained.text);
        // The code alone said something else: a bare 550 reads as a non-existent address.
        if (id !== 'user-unknown') expect(explained.text).not.toBe(describeCode(Number(reply.slice(0, 3)), lang));
      }
    },
  );

  it('a reply whose words decide nothing keeps its reply code text', () => {
    const explained = explain('550 Go away', 'fr');
    expect(explained.reason?.by).toBe('code');
    expect(explained.text).toBe(describeCode(550, 'fr'));
  });

  it.each(localesWith('enhanced', 'reasons').map((locale) => locale.lang))(
    'in %s, beside an enhanced code of subject 0 (X.0.0, which the registry gives no meaning), as without one',
    (lang) => {
      for (const [reply, id, cls] of exim) {
        const withStatus = `${reply.slice(0, 4)}${cls}.0.0 ${reply.slice(4)}`;
        const explained = explain(withStatus, lang);
        expect(explained.reason, withStatus).toMatchObject({ id, by: 'words', disagrees: false });
        expect(explained.text, withStatus).toBe(toldByReason(lang, cls, id));
        expect(explained.source).toBe('reason');
      }
    },
  );

  it('a delivery report of Status 5.0.0 (what Exim and Postfix write when the reply gave no enhanced code) tells the reply by its words', async () => {
    // RFC 3464 section 2.3: a report of one recipient, its status class 5 without a subject.
    const report = [
      'From: MAILER-DAEMON@mx.example.org',
      'To: sender@example.org',
      'Subject: Mail delivery failed',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary=r1',
      '',
      '--r1',
      'Content-Type: text/plain',
      '',
      'A message that you sent could not be delivered to one or more of its recipients.',
      '',
      '--r1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      'Final-Recipient: rfc822; mallory@example.net',
      'Action: failed',
      'Status: 5.0.0',
      'Remote-MTA: dns; mx.example.net',
      `Diagnostic-Code: smtp; ${exim[0][0]}`,
      '',
      '--r1--',
      '',
    ].join('\r\n');
    const explained = await explainBounce(report, 'fr');
    const [recipient] = explained?.recipients ?? [];
    expect(recipient).toMatchObject({
      enhanced: { code: '5.0.0' },
      text: toldByReason('fr', 5, 'blocked'),
      source: 'reason',
      reason: { id: 'blocked', list: 'zen.spamhaus.org' },
    });
  });

  it('beside an enhanced code, the registered meaning is told; the words stay the reason', () => {
    const reply = '550 5.1.1 Rejected because 192.0.2.1 is in a black list at zen.spamhaus.org';
    const explained = explain(reply, 'de');
    expect(explained.reason).toMatchObject({ id: 'blocked', by: 'words', disagrees: true });
    expect(explained.text).toBe(enhancedText('de', '5.1.1'));
  });

  it('a language without reason texts tells the whole sentence in the language of the reason, and says which', () => {
    const english = localeFile('en') as unknown as LocaleData;
    const german = { ...(localeFile('de') as unknown as LocaleData), reasons: undefined };
    const [reply, id, cls] = exim[0];
    const explained = createCatalog([english, german]).explain(reply, 'de');
    // Not the German text of a bare 550 (a non-existent address), nor half German, half English.
    expect(explained).toMatchObject({ lang: 'en', text: toldByReason('en', cls, id), reason: { id, lang: 'en' } });
  });
});
