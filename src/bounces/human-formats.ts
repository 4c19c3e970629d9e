// The human-readable bounces of mail systems that send no delivery-status part, or one that
// names no recipient: one row per format, matched by `read-human.ts` (one matcher, first row
// whose `detect` matches wins). Each row names the text it was written from; the wording is
// the system's own template, the patterns ours.

/** How one mail system writes a bounce for people. */
export interface HumanFormat {
  /** The format's name, reported as `format`. */
  id: string;
  /** Where the wording comes from: the system's manual or source file. */
  source: string;
  /** Tested on the sender, the subject and the text (each on its own line): the format is this one. */
  detect: RegExp;
  /** The recipient list starts after this (default: the start of the text). */
  start?: RegExp;
  /** The recipient list ends before this (default: the end of the text). */
  end?: RegExp;
  /** Each match starts one recipient's block; group 1 is the address. Must have the `g` and `m` flags. */
  recipient: RegExp;
  /** Tried in order on a recipient's block; group 1 of the first match is the diagnostic. */
  diagnostic: RegExp[];
  /** Tested on the whole text: the notice is a delay warning, not a failure. */
  delayed?: RegExp;
  /** Phrases of the diagnostic the system documents, with the enhanced status each means. */
  phrases?: readonly (readonly [RegExp, string])[];
  /** The returned message's headers follow this line. */
  returned?: RegExp;
}

/** The formats, most specific first. */
export const humanFormats: readonly HumanFormat[] = [
  {
    id: 'qmail',
    // qmail-send.c (netqmail 1.06): the bounce text it writes, and qmail-remote's "Remote host said:".
    source: 'qmail-send.c and qmail-remote.c (netqmail 1.06)',
    detect: /This is the qmail-send program at /u,
    start: /following addresses?\.[^\n]*\n/u,
    end: /^--- Below this line is a copy of the message\./mu,
    recipient: /^<([^>\s]+)>:[ \t]*$/gmu,
    diagnostic: [/Remote host said: ([\s\S]*?)(?:\nGiving up on |\n\n|$)/u, /^<[^>]*>:\n([\s\S]+)/u],
    returned: /^--- Below this line is a copy of the message\.[ \t]*$/mu,
  },
  {
    id: 'yahoo',
    // Yahoo Mail's postmaster help, "Understanding bounce messages": the qmail-style notice Yahoo sends.
    source: 'Yahoo Sender Hub, "SMTP error codes" and bounce notice wording',
    detect: /Sorry, we were unable to deliver your message to the following address/u,
    end: /^--- Below this line is a copy of the message\./mu,
    recipient: /^<([^>\s]+)>:[ \t]*$/gmu,
    diagnostic: [/Remote host said: ([\s\S]*?)(?:\n\n|$)/u],
    returned: /^--- Below this line is a copy of the message\.[ \t]*$/mu,
  },
  {
    id: 'postfix',
    // Postfix bounce(5) and bounce.cf.default: "This is the mail system at host …", "The mail
    // system", each recipient as `<address>: reason`; smtp(8) writes "host … said: … (in reply to … command)".
    source: 'Postfix bounce(5), bounce.cf.default, src/smtp/smtp_proto.c',
    detect: /This is the mail system at host |^\s*The mail system\s*$/mu,
    start: /^[ \t]*The mail system[ \t]*$/mu,
    recipient: /^<([^>\s]+)>(?: \(expanded from <[^>]*>\))?:/gmu,
    diagnostic: [
      / said: ([\s\S]*?)(?:\(in reply to [^)]*\)|\n\n|$)/u,
      /^<[^>]*>(?: \(expanded from <[^>]*>\))?: ([\s\S]*?)(?:\n\n|$)/u,
    ],
    delayed: /THIS IS A WARNING ONLY|Delayed Mail \(still being retried\)/u,
  },
  {
    id: 'exim',
    // Exim's specification, ch. 50 "Customizing bounce and warning messages", and deliver.c:
    // "The following address(es) failed:", each address indented by two spaces, its reason by four.
    source: 'Exim specification ch. 50 (bounce_message_text, warn_message_file) and src/deliver.c',
    detect: /This message was created automatically by mail delivery software/u,
    start: /following address(?:\(es\))? failed:|has not yet been delivered is:|have not yet been delivered are:/u,
    end: /^-{3,} This is a copy of the message|^No action is required on your part/mu,
    recipient: /^ {2}(\S+@\S+)[ \t]*$/gmu,
    diagnostic: [
      /SMTP error from remote mail server after (?:[^\n<]*<[^>\n]*>|[^\n:]*):\s*([\s\S]*?)(?:\n\n|$)/u,
      /^ {2}\S+@\S+\n([\s\S]*?)(?:\n\n|$)/u,
    ],
    delayed: /has not yet been delivered/u,
    returned: /^-{3,} This is a copy of the message[^\n]*$/mu,
  },
  {
    id: 'sendmail',
    // sendmail savemail.c (errbody): "----- The following addresses had permanent fatal errors -----",
    // each address then "(reason: …)"; "transient non-fatal errors" in a warning.
    source: 'sendmail 8 savemail.c (errbody) and conf.c',
    detect: /----- The following addresses had (?:permanent fatal|transient non-fatal) errors -----/u,
    start: /----- The following addresses had (?:permanent fatal|transient non-fatal) errors -----/u,
    end: /^[ \t]*----- /mu,
    recipient: /^<?([^<>\s]+@[^<>\s]+)>?[ \t]*$/gmu,
    diagnostic: [/\(reason: ([\s\S]*?)\)[ \t]*(?:\n|$)/u],
    delayed: /transient non-fatal errors/u,
  },
  {
    id: 'courier',
    // Courier's courier/module.dsn/dsn.c and its courierdsn templates: "running the Courier mail
    // server", the reply quoted in `<<< ` lines.
    source: 'Courier courier/module.dsn (dsn.c) and courierdsn(8) templates',
    detect: /running the Courier mail server/u,
    start: /UNDELIVERABLE MAIL|DELAYED MAIL/u,
    end: /^-{20,}/mu,
    recipient: /^<([^>\s]+)>:[ \t]*$/gmu,
    diagnostic: [/((?:^<<< [^\n]*(?:\n|$))+)/mu],
    delayed: /DELAYED MAIL/u,
  },
  {
    id: 'outlook.com',
    // Microsoft Learn, "Email non-delivery reports (NDRs) in Exchange Online": the enhanced NDR
    // ("Your message to … couldn't be delivered", "Reported error:") that Outlook.com sends too.
    source: 'Microsoft Learn, "Email non-delivery reports and SMTP errors in Exchange Online"',
    detect: /Your message to \S+ couldn't be delivered\./u,
    recipient: /Your message to (\S+@[^\s]+?) couldn't be delivered\./gmu,
    diagnostic: [/Remote [Ss]erver returned '([^']*)'/u, /Reported error:\s*([^\n]+)/u],
    delayed: /Delivery is delayed/u,
  },
  {
    id: 'microsoft',
    // Microsoft Learn, "Email non-delivery reports in Exchange Server": "Delivery has failed to these
    // recipients or groups:", then "Diagnostic information for administrators:" with each address
    // and "Remote Server returned '…'".
    source: 'Microsoft Learn, "Email non-delivery reports in Exchange Server" (Exchange 2013–2019, Microsoft 365)',
    detect: /Delivery has failed to these recipients or groups:|Delivery is delayed to these recipients or groups:/u,
    start: /Diagnostic information for administrators:/u,
    end: /^Original message headers:/mu,
    recipient: /^(\S+@\S+)[ \t]*\n(?=Remote [Ss]erver returned )/gmu,
    diagnostic: [/Remote [Ss]erver returned '([^']*)'/u],
    delayed: /Delivery is delayed to these recipients or groups:/u,
    returned: /^Original message headers:[ \t]*$/mu,
  },
  {
    id: 'gmail',
    // Gmail Help, "Fix bounced or rejected emails": "Your message wasn't delivered to … because …",
    // "The response from the remote server was:"; delays: "There was a temporary problem delivering …".
    source: 'Gmail Help, "Fix bounced or rejected emails" and "Gmail SMTP errors and codes"',
    detect: /^\*\* (?:Address not found|Message not delivered|Message blocked|Delivery incomplete) \*\*/mu,
    recipient:
      /(?:Your message wasn't delivered to|temporary problem delivering your message to) (\S+@[^\s]+?)[.,]?(?=\s)/gmu,
    diagnostic: [/The response (?:from the remote server )?was:\s*\n([\s\S]*?)(?:\n\n|$)/u],
    delayed: /Delivery incomplete|temporary problem delivering/u,
  },
  {
    id: 'amazon-ses',
    // Amazon SES Developer Guide, "Amazon SES notification contents" and the mailbox simulator's
    // bounce: "An error occurred while trying to deliver the mail to the following recipients:".
    source: 'Amazon SES Developer Guide, bounce notifications and the mailbox simulator',
    detect: /An error occurred while trying to deliver the mail to the following recipients:/u,
    start: /following recipients:/u,
    recipient: /^(\S+@\S+)[ \t]*$/gmu,
    diagnostic: [],
  },
  {
    id: 'domino',
    // HCL Domino documentation, "Mail routing error messages": "DELIVERY FAILURE", "was not
    // delivered to:", "because:", "not listed in Domino Directory".
    source: 'HCL Domino Administrator, "Mail routing error messages"',
    detect: /^DELIVERY FAILURE:|was not delivered to:\s/mu,
    recipient: /was not delivered to:\s+(\S+@[^\s]+)/gmu,
    diagnostic: [/because:\s+([^\n]+(?:\n[ \t]+[^\n]+)*)/u],
    phrases: [
      [/not listed in (?:Domino Directory|public Name & Address Book)/iu, '5.1.1'],
      [/No route found to domain/iu, '5.1.2'],
      [/exceed(?:s|ed)? the maximum|mail file is full|quota/iu, '5.2.2'],
    ],
    delayed: /^DELIVERY DELAYED/mu,
  },
  {
    id: 'japanese-carrier',
    // The Japanese mobile carriers' help pages on returned mail (NTT docomo, au/KDDI, SoftBank)
    // describe the notice: the address ("宛先"), the reason ("理由"), in ISO-2022-JP or Shift_JIS.
    // The phrases are the reasons those pages list; the wording of our fixtures is ours.
    source: 'NTT docomo, au (KDDI) and SoftBank help pages on returned mail (宛先不明, 受信拒否, 容量超過)',
    detect: /(?:送信|配信|送付)できませんでした/u,
    recipient: /^[ \t]*(?:宛先|あて先|To)[ \t]*[:：][ \t]*<?(\S+@[^\s>]+)>?/gmu,
    diagnostic: [/^[ \t]*(?:理由|エラー内容|Reason)[ \t]*[:：][ \t]*([^\n]+)/mu],
    phrases: [
      [/存在しません|見つかりません|宛先不明/u, '5.1.1'],
      [/受信拒否|拒否されました/u, '5.7.1'],
      [/容量|いっぱい/u, '5.2.2'],
    ],
  },
];
