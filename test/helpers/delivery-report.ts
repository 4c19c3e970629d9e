// The smallest delivery report (RFC 3464 in a multipart/report, RFC 6522), written for these
// tests: a report of `blocks` (per-recipient fields, each block ending with an empty line).

/** A per-recipient block: a recipient that failed with `status`. */
export function recipientBlock(address: string, status = '5.1.1'): string {
  return `Final-Recipient: rfc822; ${address}\nAction: failed\nStatus: ${status}\n\n`;
}

/** The report holding `blocks`, its lines ended by `newline`. */
export function deliveryReport(blocks: string, newline = '\n'): string {
  return [
    'From: MAILER-DAEMON@example.org',
    'Content-Type: multipart/report; report-type=delivery-status; boundary=b',
    '',
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; example.org',
    '',
    `${blocks}--b--`,
    '',
  ]
    .join('\n')
    .replaceAll('\n', newline);
}
