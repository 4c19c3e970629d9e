// The reason of each client-error cause comes from docs/project/reason-rules/causes.md, and what
// a person reads for a cause of the sending program never says that the receiving side stopped
// the message (issue 22): no receiving side took part. The pages are read here on their own,
// not through the build.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildProblem } from '../../scripts/build-problem.ts';
import { parsePage } from '../../scripts/parse/parse-page.ts';
import { type RuleRow, ruleTable } from '../../scripts/reasons/rule-table.ts';
import { clientReasonIds } from '../../src/catalog/text-kinds.ts';
import { causeIds, explain } from '../../src/index.ts';
import { clientErrorCause } from '../../src/replies/client-error.ts';
import { projectRoot, projectTextsDir } from '../helpers/temp-dir.ts';

function table(path: string, columns: readonly string[]): RuleRow[] {
  const page = parsePage(path, readFileSync(join(projectRoot, path), 'utf8'));
  if (!('tree' in page)) throw new Error(`${page.file}:${page.line}: ${page.message}`);
  const problems: BuildProblem[] = [];
  const rows = ruleTable(page, columns, problems);
  expect(problems).toEqual([]);
  return rows;
}

const cell = (row: RuleRow, column: string) => row.cells[column]?.text ?? '';

const causeRows = table('docs/project/reason-rules/causes.md', ['Cause', 'Side', 'Reason', 'Source']);
const pageReason = new Map(causeRows.map((row) => [cell(row, 'Cause'), cell(row, 'Reason')]));
const causeSide = new Map(causeRows.map((row) => [cell(row, 'Cause'), cell(row, 'Side')]));
const reasonSide = new Map(
  table('docs/project/reasons.md', ['Reason', 'Sisimai', 'Side', 'Definition', 'Source']).map((row) => [
    cell(row, 'Reason'),
    cell(row, 'Side'),
  ]),
);
const englishWhy = new Map(
  table('docs/project/texts/en.reasons.md', ['Reason', 'Why', 'Sender', 'Admin']).map((row) => [
    cell(row, 'Reason'),
    cell(row, 'Why'),
  ]),
);

// One error per cause, shaped as nodemailer (dist/esm/errors.d.ts, smtp-connection's _formatError)
// and Node.js (system and TLS error codes) build them, without a server reply.
const errorOf: Record<(typeof causeIds)[number], object> = {
  'connection-refused': { code: 'ESOCKET', originalCode: 'ECONNREFUSED' },
  'connection-lost': { code: 'ECONNECTION', message: 'Connection closed unexpectedly' },
  timeout: { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' },
  'host-not-found': { code: 'EDNS', originalCode: 'ENOTFOUND' },
  'dns-unavailable': { code: 'EDNS', originalCode: 'EAI_AGAIN' },
  'host-unreachable': { code: 'ESOCKET', originalCode: 'EHOSTUNREACH' },
  'tls-certificate': { code: 'ESOCKET', originalCode: 'CERT_HAS_EXPIRED' },
  'tls-failed': { code: 'ETLS', message: 'Error initiating TLS - wrong version' },
  'tls-required': { code: 'ETLS', message: 'Error upgrading connection with STARTTLS' },
  'requiretls-unsupported': { code: 'EREQUIRETLS' },
  'auth-failed': { code: 'EAUTH', message: 'Invalid login' },
  'no-credentials': { code: 'EAUTH', message: 'Missing credentials for "PLAIN"' },
  'no-recipients': { code: 'EENVELOPE', message: 'No recipients defined' },
  'envelope-invalid': { code: 'EENVELOPE', message: 'Invalid sender "a@b"' },
  'too-many-recipients': { code: 'EMAXRECIPIENTS' },
  'message-invalid': { code: 'ESTREAM' },
  protocol: { code: 'EPROTOCOL', message: 'Invalid greeting' },
  'limit-reached': { code: 'EMAXLIMIT' },
  aborted: { code: 'EABORT' },
  configuration: { code: 'ECONFIG' },
  unknown: { code: 'EWHATEVER' },
};

// What a receiving-side party is called in the English texts (docs/texts-style.md, fixed terms),
// and what the sending side is called.
const receivingParty =
  /\b(?:receiving (?:server|side|mail system|domain|organization)|recipient's (?:mailbox|own settings))\b/u;
const sendingParty = /\b(?:sending(?: and the receiving)? (?:program|server|service)|mail client)\b/u;

/** Whether a Why places what stood in the way on the receiving side alone. */
function blamesReceivingSide(why: string): boolean {
  return receivingParty.test(why) && !sendingParty.test(why);
}

describe('the causes page', () => {
  it('has one row per cause the code knows, each once', () => {
    expect(causeRows.map((row) => cell(row, 'Cause')).sort()).toEqual([...causeIds].sort());
  });

  it.each([...causeIds])('explain(error) for %s gives the page’s reason', (cause) => {
    const error = Object.assign(new Error(String(Reflect.get(errorOf[cause], 'message') ?? cause)), errorOf[cause]);
    expect(clientErrorCause(error).id).toBe(cause);
    const explained = explain(error, 'en');
    expect(explained.cause?.id).toBe(cause);
    expect(explained.reason?.id).toBe(pageReason.get(cause));
  });
});

describe('a cause between the program and its server never reads as the recipient’s address', () => {
  // The program connects to the server it is set up with (nodemailer's host: a submission
  // server), so a name not found or a connection not made says nothing of the recipient's domain.
  const betweenCauses = causeIds.filter((cause) => causeSide.get(cause) === 'between');
  const recipientAddress = /\brecipient's (?:address|domain)|\bafter the @/u;

  it('the check catches host-unknown’s Why, which host-not-found used to get', () => {
    expect(recipientAddress.test(englishWhy.get('host-unknown') ?? '')).toBe(true);
    expect(betweenCauses).toEqual(expect.arrayContaining(['host-not-found', 'dns-unavailable', 'connection-refused']));
  });

  it.each(betweenCauses)('%s: its reason’s English Why does not speak of the recipient’s address', (cause) => {
    const why = explain(errorOf[cause], 'en').reason?.text ?? '';
    expect(why.length).toBeGreaterThan(0);
    expect(recipientAddress.test(why), `${cause}: ${why}`).toBe(false);
  });
});

describe('a cause of the sending program never reads as a receiving-side stop', () => {
  const sendingCauses = causeIds.filter((cause) => causeSide.get(cause) === 'sending');

  it('the page names the sending program’s causes (so the check below has something to check)', () => {
    expect(sendingCauses).toEqual(expect.arrayContaining(['no-recipients', 'configuration', 'too-many-recipients']));
  });

  it.each(sendingCauses)('%s: its reason’s English Why does not place the stop on the receiving side', (cause) => {
    const reason = pageReason.get(cause) ?? '';
    const why = englishWhy.get(reason) ?? '';
    expect(why.length).toBeGreaterThan(0);
    expect(blamesReceivingSide(why), `${cause} → ${reason}: ${why}`).toBe(false);
    // And what a person reads through the API is that Why.
    expect(explain(errorOf[cause], 'en').reason?.text).toBe(why);
  });

  it('the check catches the Whys that used to answer these causes', () => {
    // mailer-error's and syntax-error's English Why before issue 22's review.
    expect(
      blamesReceivingSide(
        'A program on the receiving side that takes the message for the recipient stopped without taking it.',
      ),
    ).toBe(true);
    expect(
      blamesReceivingSide(
        'The receiving server did not understand a command or its arguments as the mail protocol (SMTP) defines them.',
      ),
    ).toBe(true);
  });

  it.each([...englishWhy])(
    'reasons.md gives %s the receiving side when its Why blames that side alone',
    (reason, why) => {
      // The build refuses a sending cause by this column: it must never understate the receiving side.
      if (blamesReceivingSide(why)) expect(reasonSide.get(reason)).toBe('receiving');
      expect(['receiving', 'sending', 'between', 'either']).toContain(reasonSide.get(reason));
    },
  );
});

describe('a client error is told with the client texts of its reason (docs/project/texts/<lang>.client.md)', () => {
  const clientPages = readdirSync(projectTextsDir)
    .filter((name) => name.endsWith('.client.md'))
    .map((name) => ({
      lang: name.slice(0, -'.client.md'.length),
      rows: new Map(
        table(join('docs/project/texts', name), ['Reason', 'Why', 'Sender', 'Admin']).map((row) => [
          cell(row, 'Reason'),
          { why: cell(row, 'Why'), sender: cell(row, 'Sender'), admin: cell(row, 'Admin') },
        ]),
      ),
    }));
  const clientCauses = causeIds.filter((cause) =>
    (clientReasonIds as readonly string[]).includes(pageReason.get(cause) ?? ''),
  );

  it('the client reasons are those of the causes between the program and its server, but mailer-error', () => {
    const between = new Set(
      causeIds.filter((cause) => causeSide.get(cause) === 'between').map((cause) => pageReason.get(cause)),
    );
    between.delete('mailer-error');
    expect([...between].sort()).toEqual([...clientReasonIds].sort());
    expect(clientPages.map((page) => page.lang)).toContain('en');
  });

  it.each(clientPages.flatMap((page) => clientCauses.map((cause) => [page.lang, cause, page] as const)))(
    '%s, %s: why and advice are the page’s',
    (lang, cause, page) => {
      const reason = explain(errorOf[cause], lang).reason;
      expect(reason?.lang).toBe(lang);
      expect({ why: reason?.text, ...reason?.advice }).toEqual(page.rows.get(pageReason.get(cause) ?? ''));
    },
  );

  it('a server reply of the same reason keeps the reason’s own texts: a server took part', () => {
    const server = explain('421 4.4.2 Connection dropped', 'en').reason;
    expect(server?.id).toBe('network-error');
    expect(server?.text).toBe(englishWhy.get('network-error'));
    expect(server?.text).not.toBe(clientPages.find((page) => page.lang === 'en')?.rows.get('network-error')?.why);
  });
});
