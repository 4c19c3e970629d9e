// The importer on miniature upstream checkouts built from fixtures: what it takes, what it skips,
// what it writes (byte for byte, or nothing at all), and what it reports.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/import-docs.ts';
import { pageLimits } from '../../scripts/parse/parse-page.ts';
import { captureOutput } from '../helpers/capture-output.ts';
import { snapshot, tempDir, upstreamDir } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';
import { checkout, fixture, revisions, smtpPage } from '../helpers/upstream-checkout.ts';

/** Runs the importer in this process; its exit code and what it printed. */
function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

// The languages of the older fixture revision (its pages, pages/<lang>.md), not the shipped ones.
const languages = readdirSync(join(import.meta.dirname, '..', 'fixtures', 'import', 'pages'))
  .filter((name) => /^[a-z]{2,3}\.md$/u.test(name))
  .map((name) => name.slice(0, -'.md'.length))
  .sort();
const pageOf: Record<string, string> = Object.fromEntries(languages.map((lang) => [lang, `pages/${lang}.md`]));
pageOf.en = 'pages/en-older.md';

/** A `sha256sum` list of the pages, computed here: one line per page, sorted by file name. */
function hashList(pages: Record<string, Buffer>): string {
  return Object.keys(pages)
    .sort()
    .map(
      (name) =>
        `${createHash('sha256')
          .update(pages[name] as Buffer)
          .digest('hex')}  ${name}\n`,
    )
    .join('');
}

/** A folder of committed upstream pages as the older revision gives them. */
function importedOlder(): string {
  const to = tempDir();
  expect(run('--from', checkout(revisions.older), '--to', to).code).toBe(0);
  return to;
}

const skippedNoise = [
  'skipped (2):',
  '  english/java/com.aspose.email/smtpstatuscode/_index.md: platform "java", not .NET (net)',
  '  english/python-net/aspose.email.clients.smtp/smtpstatuscode/_index.md: platform "python-net", not .NET (net)',
];

// The import checks every page it takes as the build does (a build's work), here and below.
describe('importing a checkout into an empty folder', { timeout: timeouts.build }, () => {
  it('takes the ten .NET pages byte for byte, writes their hash list, and skips the rest, saying why', () => {
    const from = checkout({
      ...revisions.older,
      'english/net/aspose.email.tools/smtpstatuscode/_index.md': 'noise/smtpclient.md',
      'french/net/aspose.email.legacy/smtpstatuscode/notes.txt': { text: 'not a page' },
      'README.md': { text: '# Aspose.Email API references\n' },
      '.github/net/x/smtpstatuscode/_index.md': 'pages/de.md',
    });
    const to = join(tempDir(), 'upstream');
    const { code, stdout, stderr } = run('--from', from, '--to', to);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      `import-docs: ${languages.length} .NET SmtpStatusCode page(s) in ${from} → ${to}`,
      `added (${languages.length}): ${languages.join(', ')}`,
      'updated (0): -',
      'unchanged (0): -',
      'not in the checkout, kept (0): -',
    ]);
    expect(stdout).toContain(
      [
        '',
        'skipped (4):',
        '  english/java/com.aspose.email/smtpstatuscode/_index.md: platform "java", not .NET (net)',
        '  english/net/aspose.email.tools/smtpstatuscode/_index.md: not the .NET enumeration: no `| Name | `value` | Description |` table',
        '  english/python-net/aspose.email.clients.smtp/smtpstatuscode/_index.md: platform "python-net", not .NET (net)',
        '  french/net/aspose.email.legacy/smtpstatuscode/_index.md: no _index.md in the folder',
        '',
      ].join('\n'),
    );
    const written = languages.map((lang) => join(to, `${lang}.md`));
    expect(lines.slice(-3)).toEqual([
      `wrote: ${[...written, join(to, 'SHA256SUMS')].join(', ')}`,
      'next: npm run build:locales',
      '',
    ]);

    const pages = Object.fromEntries(languages.map((lang) => [`${lang}.md`, fixture(pageOf[lang] as string)]));
    expect(snapshot(to)).toEqual(
      Object.fromEntries(
        Object.entries({ ...pages, SHA256SUMS: Buffer.from(hashList(pages)) }).map(([name, bytes]) => [
          name,
          bytes.toString('latin1'),
        ]),
      ),
    );
  });

  it('lists a new page member by member with its front matter', () => {
    const to = tempDir();
    const { stdout } = run('--from', checkout({ [smtpPage('german')]: 'pages/de.md' }), '--to', to);
    const section = stdout.slice(stdout.indexOf('\nde (added)'), stdout.indexOf('\nwrote:'));
    expect(section.split('\n').slice(1, 16)).toEqual([
      `de (added): german/net/aspose.email.clients.smtp/smtpstatuscode/_index.md → ${join(to, 'de.md')}`,
      '  front matter:',
      '    title: "SmtpStatusCode"',
      '    second_title: "Aspose.Email für .NET-API-Referenz"',
      '    description: "SMTP-Statuscodes"',
      '    type: "docs"',
      '    weight: 17080',
      '    url: "/de/net/aspose.email.clients.smtp/smtpstatuscode/"',
      '  members (32):',
      '    NotDefined (0): "Nicht definiert"',
      '    GeneralFailure (-1): "Allgemeiner Fehler"',
      expect.stringMatching(/^ {4}SystemStatus \(211\): "Systemstatus oder Systemhilfeantwort\. /u),
      expect.stringMatching(/^ {4}HelpMessage \(214\): /u),
      '    ServiceReady (220): "SMTP-Dienst bereit."',
      '    ServiceClosingTransmissionChannel (221): "Dienst schließt Übertragungskanal"',
    ]);
  });

  it('takes the language from the front matter, not the folder name', () => {
    const to = tempDir();
    const from = checkout({ [smtpPage('french')]: 'pages/de.md', [smtpPage('Deutsch')]: 'pages/sv.md' });
    expect(run('--from', from, '--to', to).code).toBe(0);
    expect(readFileSync(join(to, 'de.md'))).toEqual(fixture('pages/de.md'));
    expect(readFileSync(join(to, 'sv.md'))).toEqual(fixture('pages/sv.md'));
    expect(readdirSync(to).sort()).toEqual(['SHA256SUMS', 'de.md', 'sv.md']);
  });

  it('copies a page with a byte order mark and CRLF line ends byte for byte', () => {
    const to = tempDir();
    const bytes = Buffer.from(`\uFEFF${fixture('pages/de.md').toString('utf8').replaceAll('\n', '\r\n')}`);
    const { code, stdout } = run('--from', checkout({ [smtpPage('german')]: { text: bytes } }), '--to', to);
    expect(code).toBe(0);
    expect(stdout).toContain('added (1): de\n');
    expect(readFileSync(join(to, 'de.md'))).toEqual(bytes);
  });

  it('skips an `_index.md` that is a folder or a symbolic link, and follows no link', () => {
    const to = tempDir();
    const from = checkout({
      [smtpPage('german')]: 'pages/de.md',
      'swedish/net/aspose.email.clients.smtp/smtpstatuscode/_index.md/page.md': 'pages/sv.md',
    });
    symlinkSync(join(from, smtpPage('german')), join(from, 'german/net/aspose.email.clients.smtp/link.md'));
    mkdirSync(join(from, 'turkish/net/aspose.email.clients.smtp/smtpstatuscode'), { recursive: true });
    symlinkSync(join(from, smtpPage('german')), join(from, smtpPage('turkish')));
    symlinkSync(join(from, 'german'), join(from, 'linked'));
    const { code, stdout } = run('--from', from, '--to', to);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      `import-docs: 1 .NET SmtpStatusCode page(s) in ${from} → ${to}`,
      'added (1): de',
    ]);
    expect(stdout).toContain(
      [
        'skipped (2):',
        `  ${smtpPage('swedish')}: _index.md is not a regular file`,
        `  ${smtpPage('turkish')}: _index.md is not a regular file`,
      ].join('\n'),
    );
  });

  it('finds folders in any case: `Spanish`, `NET`, `SmtpStatusCode`, `_INDEX.md`', () => {
    const to = tempDir();
    const from = checkout({ 'Spanish/NET/Aspose.Email.Clients.Smtp/SmtpStatusCode/_INDEX.md': 'pages/es.md' });
    const { code, stdout } = run('--from', from, '--to', to);
    expect(code).toBe(0);
    expect(stdout).toContain('es (added): Spanish/NET/Aspose.Email.Clients.Smtp/SmtpStatusCode/_INDEX.md → ');
    expect(readFileSync(join(to, 'es.md'))).toEqual(fixture('pages/es.md'));
  });
});

describe('importing a newer revision over committed pages', { timeout: timeouts.build }, () => {
  it('reports the drift member by member and field by field, and keeps the languages it lacks', () => {
    const to = importedOlder();
    const before = snapshot(to);
    const from = checkout(revisions.recent);
    const { code, stdout, stderr } = run('--from', from, '--to', to);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      [
        `import-docs: 3 .NET SmtpStatusCode page(s) in ${from} → ${to}`,
        'added (0): -',
        'updated (1): en',
        'unchanged (2): ru, zh',
        'not in the checkout, kept (7): ar, de, es, fr, it, sv, tr',
        '',
        `en (updated): english/net/aspose.email.clients.smtp/smtpstatuscode/_index.md → ${join(to, 'en.md')}`,
        '  front matter:',
        '    title: "SmtpStatusCode" → "Enum SmtpStatusCode"',
        '    description: (empty) → "Aspose.Email.Clients.Smtp.SmtpStatusCode enum. Smtp status codes"',
        '    weight: 17080 → 15880',
        '  members (2):',
        '    CredentialsInvalid (535)',
        '      old: "Credentials invalid"',
        '      new: "Authentication credentials invalid"',
        '    MailboxUnavailable (550)',
        '      old: "Mailbox unavailable"',
        '      new: "It usually defines a non-existent email address on the remote side."',
        '  other lines:',
        '    - "## Values"',
        '    + "### Values"',
        '',
        ...skippedNoise,
        '',
        `wrote: ${join(to, 'en.md')}, ${join(to, 'SHA256SUMS')}`,
        'next: npm run build:locales',
        '',
      ].join('\n'),
    );
    const after = snapshot(to);
    expect(after['en.md']).toBe(fixture('pages/en.md').toString('latin1'));
    for (const lang of languages.filter((lang) => lang !== 'en')) {
      expect(after[`${lang}.md`], lang).toBe(before[`${lang}.md`]);
    }
    const pages = Object.fromEntries(languages.map((lang) => [`${lang}.md`, fixture(pageOf[lang] as string)]));
    expect(after.SHA256SUMS).toBe(hashList({ ...pages, 'en.md': fixture('pages/en.md') }));
  });

  it('writes nothing when the committed pages already are the checkout’s', () => {
    const to = importedOlder();
    const before = snapshot(to);
    const from = checkout(revisions.older);
    const { code, stdout } = run('--from', from, '--to', to);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(1, 5)).toEqual([
      'added (0): -',
      'updated (0): -',
      `unchanged (${languages.length}): ${languages.join(', ')}`,
      'not in the checkout, kept (0): -',
    ]);
    expect(stdout).toMatch(/\nnothing to write: the committed pages are the checkout’s\n$/u);
    expect(snapshot(to)).toEqual(before);
  });

  it('under --dry-run, reports the same and writes nothing', () => {
    const to = importedOlder();
    const before = snapshot(to);
    const { code, stdout } = run('--from', checkout(revisions.recent), '--to', to, '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toContain('updated (1): en\n');
    expect(stdout).toContain('    CredentialsInvalid (535)\n      old: "Credentials invalid"\n');
    expect(stdout).toMatch(
      new RegExp(
        `\ndry run, nothing written; an import would write: ${join(to, 'en.md')}, ${join(to, 'SHA256SUMS')}\n$`,
        'u',
      ),
    );
    expect(stdout).not.toContain('next:');
    expect(snapshot(to)).toEqual(before);
  });

  it('does not create the target folder under --dry-run', () => {
    const to = join(tempDir(), 'upstream');
    expect(run('--from', checkout(revisions.recent), '--to', to, '--dry-run').code).toBe(0);
    expect(readdirSync(join(to, '..'))).toEqual([]);
  });

  it('adds a hash line for an unchanged page the list lacks, and keeps the lines of pages it does not import', () => {
    const to = tempDir();
    const kept = `${'0'.repeat(64)}  xx.md\n`;
    writeFileSync(join(to, 'zh.md'), fixture('pages/zh.md'));
    writeFileSync(join(to, 'SHA256SUMS'), kept);
    const { code, stdout } = run('--from', checkout({ [smtpPage('chinese')]: 'pages/zh.md' }), '--to', to);
    expect(code).toBe(0);
    expect(stdout).toContain('unchanged (1): zh\n');
    expect(stdout).toContain(`wrote: ${join(to, 'SHA256SUMS')}\n`);
    expect(readFileSync(join(to, 'SHA256SUMS'), 'utf8')).toBe(
      `${kept}${hashList({ 'zh.md': fixture('pages/zh.md') })}`,
    );
  });

  it('says so when the committed page fails the build’s checks, and replaces it', () => {
    const to = tempDir();
    writeFileSync(join(to, 'de.md'), '---\ntitle: broken\n---\nNo table.\n');
    const { code, stdout } = run('--from', checkout({ [smtpPage('german')]: 'pages/de.md' }), '--to', to);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `\n  the committed page fails the build's checks, so it is not compared: ${join(to, 'de.md')}:1: no language: `,
    );
    expect(stdout).toContain('    NotDefined (0): "Nicht definiert"\n');
    expect(readFileSync(join(to, 'de.md'))).toEqual(fixture('pages/de.md'));
  });

  it('compares a committed page whose front matter the build cannot read', () => {
    const to = tempDir();
    writeFileSync(join(to, 'de.md'), 'no front matter\n');
    const { stdout } = run('--from', checkout({ [smtpPage('german')]: 'pages/de.md' }), '--to', to);
    expect(stdout).toContain(`so it is not compared: ${join(to, 'de.md')}:1: missing front matter`);
  });
});

describe('--json', { timeout: timeouts.build }, () => {
  it('gives the report as data', () => {
    const to = importedOlder();
    const from = checkout(revisions.recent);
    const { code, stdout } = run('--from', from, '--to', to, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      from,
      to,
      dryRun: false,
      added: [],
      updated: ['en'],
      unchanged: ['ru', 'zh'],
      missing: ['ar', 'de', 'es', 'fr', 'it', 'sv', 'tr'],
      found: [
        { lang: 'en', upstream: smtpPage('english') },
        { lang: 'ru', upstream: smtpPage('russian') },
        { lang: 'zh', upstream: smtpPage('chinese') },
      ],
      changes: [
        {
          lang: 'en',
          state: 'updated',
          upstream: smtpPage('english'),
          file: join(to, 'en.md'),
          frontMatter: [
            { key: 'title', old: 'SmtpStatusCode', new: 'Enum SmtpStatusCode' },
            {
              key: 'description',
              old: null,
              new: 'Aspose.Email.Clients.Smtp.SmtpStatusCode enum. Smtp status codes',
            },
            { key: 'weight', old: 17080, new: 15880 },
          ],
          members: [
            {
              name: 'CredentialsInvalid',
              value: 535,
              old: 'Credentials invalid',
              new: 'Authentication credentials invalid',
            },
            {
              name: 'MailboxUnavailable',
              value: 550,
              old: 'Mailbox unavailable',
              new: 'It usually defines a non-existent email address on the remote side.',
            },
          ],
          otherLines: { removed: ['## Values'], added: ['### Values'] },
        },
      ],
      skipped: [
        { path: 'english/java/com.aspose.email/smtpstatuscode/_index.md', reason: 'platform "java", not .NET (net)' },
        {
          path: 'english/python-net/aspose.email.clients.smtp/smtpstatuscode/_index.md',
          reason: 'platform "python-net", not .NET (net)',
        },
      ],
      written: [join(to, 'en.md'), join(to, 'SHA256SUMS')],
      next: 'npm run build:locales',
    });
  });

  it('gives a new page’s members with `old: null` and fields without `old`, and no next step under --dry-run', () => {
    const to = tempDir();
    const { stdout } = run(
      '--from',
      checkout({ [smtpPage('german')]: 'pages/de.md' }),
      '--to',
      to,
      '--json',
      '--dry-run',
    );
    const report = JSON.parse(stdout);
    expect(report.added).toEqual(['de']);
    expect(report.changes[0].frontMatter[0]).toEqual({ key: 'title', new: 'SmtpStatusCode' });
    expect(report.changes[0].members[0]).toEqual({ name: 'NotDefined', value: 0, old: null, new: 'Nicht definiert' });
    expect(report.changes[0].members).toHaveLength(32);
    expect(report.changes[0].otherLines).toEqual({ removed: [], added: [] });
    expect(report.next).toBeNull();
    expect(readdirSync(to)).toEqual([]);
  });

  it('gives an error as data, with every problem', () => {
    const to = importedOlder();
    const { code, stdout, stderr } = run(
      '--from',
      checkout({ ...revisions.recent, [smtpPage('german')]: 'pages/de-bad-row.md' }),
      '--to',
      to,
      '--json',
    );
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(JSON.parse(stdout)).toEqual({
      error: "1 problem(s) in the checkout's pages, which the build would refuse",
      problems: [
        {
          file: smtpPage('german'),
          line: 48,
          message: 'value mismatch: "MailboxUnavailable" is 551 here but 550 in SmtpStatusCode',
        },
      ],
    });
  });
});

describe('a page the build would refuse stops the import, and nothing is written', { timeout: timeouts.build }, () => {
  it('names the upstream path, the line and the reason', () => {
    const to = importedOlder();
    const before = snapshot(to);
    const from = checkout({ ...revisions.recent, [smtpPage('german')]: 'pages/de-bad-row.md' });
    const { code, stdout, stderr } = run('--from', from, '--to', to);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(
      [
        'german/net/aspose.email.clients.smtp/smtpstatuscode/_index.md:48: value mismatch: "MailboxUnavailable" is 551 here but 550 in SmtpStatusCode',
        "import-docs: 1 problem(s) in the checkout's pages, which the build would refuse; nothing was written",
        '',
      ].join('\n'),
    );
    expect(snapshot(to)).toEqual(before);
  });

  const german = fixture('pages/de.md').toString('utf8');
  const lineOf = (needle: string) => german.slice(0, german.indexOf(needle)).split('\n').length;
  const row = (member: string) => new RegExp(`^\\| ${member} \\|.*$`, 'mu');
  it.each([
    [
      'an unknown member',
      german.replace('| MailboxBusy |', '| MailboxIsBusy |'),
      `${lineOf('| MailboxBusy |')}: unknown member "MailboxIsBusy": SmtpStatusCode has no such member`,
      `${lineOf('| Name |')}: missing member "MailboxBusy" (SmtpStatusCode.MailboxBusy = 450)`,
    ],
    [
      'a missing member',
      german.replace(/^\| MailboxBusy \|.*\n/mu, ''),
      `${lineOf('| Name |')}: missing member "MailboxBusy" (SmtpStatusCode.MailboxBusy = 450)`,
    ],
    [
      'a control character',
      german.replace(row('Ok'), '| Ok | `250` | Aktion\u0007 abgeschlossen. |'),
      `${lineOf('| Ok |')}: Ok: control character in description`,
    ],
    [
      'a bidirectional override',
      german.replace(row('Ok'), '| Ok | `250` | Aktion \u202Eabgeschlossen. |'),
      `${lineOf('| Ok |')}: Ok: bidirectional control character in description`,
    ],
    [
      'an empty description',
      german.replace(row('Ok'), '| Ok | `250` | |'),
      `${lineOf('| Ok |')}: Ok: empty description`,
    ],
    [
      'a row given twice',
      german.replace(row('Ok'), (line) => `${line}\n${line}`),
      `${lineOf('| Ok |') + 1}: duplicate row for "Ok" (first at line ${lineOf('| Ok |')})`,
    ],
    [
      'broken front matter',
      german.replace('type: docs', 'type: [docs'),
      '6: broken front matter: missed comma between flow collection entries',
    ],
    [
      'no language',
      german.replace(/^url: .*$/mu, 'url: de/net/'),
      '7: no language: the front matter needs `lang:` or an API reference `url:` (/fr/net/<namespace>/<type>/, or /net/… for English)',
    ],
    ['NUL bytes', `${german}\u0000`, '1: not a text page (it holds NUL bytes)'],
    // The page of the enumeration's namespace whose table cannot be read is no other page: it stops the import.
    [
      'a table without its separator row',
      german.replace(/^\| --- .*\n/mu, ''),
      '9: no table: expected rows of `| MemberName | `value` | description |`',
    ],
    [
      'a table indented as code',
      german.replace(/^\| /gmu, '    | '),
      '9: no table: expected rows of `| MemberName | `value` | description |`',
    ],
  ])('%s', (_case, page, ...problems) => {
    const to = importedOlder();
    const before = snapshot(to);
    const { code, stderr } = run('--from', checkout({ [smtpPage('german')]: { text: page } }), '--to', to);
    expect(code).toBe(1);
    expect(stderr.split('\n').slice(0, -2).sort()).toEqual(
      problems.map((problem) => `${smtpPage('german')}:${problem}`).sort(),
    );
    expect(snapshot(to)).toEqual(before);
  });

  it('refuses bytes that are not UTF-8, naming their line (the copy must be byte for byte)', () => {
    const to = tempDir();
    const bytes = Buffer.concat([Buffer.from(german.replace(row('Ok'), '| Ok | `250` | X |')), Buffer.from([])]);
    const at = bytes.indexOf('| Ok | `250` | X |') + '| Ok | `250` | '.length;
    bytes[at] = 0xff;
    const { code, stderr } = run('--from', checkout({ [smtpPage('german')]: { text: bytes } }), '--to', to);
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe(
      `${smtpPage('german')}:${lineOf('| Ok |')}: not UTF-8: pages are read as UTF-8 text, byte for byte`,
    );
    expect(readdirSync(to)).toEqual([]);
  });

  it('refuses a page too large for the build without reading it', () => {
    const to = tempDir();
    const huge = Buffer.alloc(pageLimits.size * 4 + 1, 'a');
    const { code, stderr } = run('--from', checkout({ [smtpPage('german')]: { text: huge } }), '--to', to);
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe(
      `${smtpPage('german')}:1: the page is too large (${huge.length} bytes); the build reads pages of at most 262144 characters`,
    );
  });

  it('reports every problem of every page at once', () => {
    const to = tempDir();
    const from = checkout({
      [smtpPage('german')]: 'pages/de-bad-row.md',
      [smtpPage('swedish')]: { text: fixture('pages/sv.md').toString('utf8').replace('| Ok |', '| Okay |') },
    });
    const { stderr } = run('--from', from, '--to', to);
    expect(stderr.split('\n').slice(0, 3)).toEqual([
      `${smtpPage('german')}:48: value mismatch: "MailboxUnavailable" is 551 here but 550 in SmtpStatusCode`,
      `${smtpPage('swedish')}:19: missing member "Ok" (SmtpStatusCode.Ok = 250)`,
      `${smtpPage('swedish')}:28: unknown member "Okay": SmtpStatusCode has no such member`,
    ]);
    expect(stderr).toContain('import-docs: 3 problem(s)');
  });
});

describe('errors about the checkout', { timeout: timeouts.build }, () => {
  it('refuses two pages for one language, naming both', () => {
    const to = importedOlder();
    const before = snapshot(to);
    const from = checkout({ ...revisions.older, [smtpPage('spanish')]: 'pages/es.md' });
    const { code, stderr } = run('--from', from, '--to', to);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `import-docs: two pages for language "es": ${smtpPage('Spanish')} and ${smtpPage('spanish')}; nothing was written\n`,
    );
    expect(snapshot(to)).toEqual(before);
  });

  it.each([
    [
      'a folder that does not exist',
      (dir: string) => join(dir, 'nowhere'),
      (dir: string) => `--from ${join(dir, 'nowhere')}: no such folder`,
    ],
    [
      'a file',
      (dir: string) => {
        writeFileSync(join(dir, 'file.md'), 'x');
        return join(dir, 'file.md');
      },
      (dir: string) => `--from ${join(dir, 'file.md')}: not a folder`,
    ],
    [
      'a folder with no SmtpStatusCode page',
      (dir: string) => {
        mkdirSync(join(dir, 'english', 'net', 'aspose.email'), { recursive: true });
        return dir;
      },
      (dir: string) =>
        `no .NET SmtpStatusCode page in ${dir}: none at <language>/net/<namespace>/smtpstatuscode/_index.md`,
    ],
    [
      'a folder with only other platforms’ pages',
      () => {
        const from = checkout({
          'english/java/com.aspose.email/smtpstatuscode/_index.md': 'noise/java-smtpstatuscode.md',
        });
        return from;
      },
      (_dir: string, from: string) =>
        `no .NET SmtpStatusCode page in ${from}: none at <language>/net/<namespace>/smtpstatuscode/_index.md (1 candidate(s) skipped: english/java/com.aspose.email/smtpstatuscode/_index.md, …)`,
    ],
  ])('--from %s: one line, exit code 1', (_case, make, message) => {
    const dir = tempDir();
    const from = make(dir);
    const to = tempDir();
    const { code, stdout, stderr } = run('--from', from, '--to', to);
    expect({ code, stdout, stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: `import-docs: ${message(dir, from)}; nothing was written\n`,
    });
    expect(readdirSync(to)).toEqual([]);
  });

  it('refuses a hash list it cannot read, naming the line', () => {
    const to = tempDir();
    writeFileSync(join(to, 'SHA256SUMS'), `${'a'.repeat(64)}  ar.md\nnot a hash\n`);
    const { code, stderr } = run('--from', checkout(revisions.recent), '--to', to);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^import-docs: .*SHA256SUMS:2: not a sha256sum line \("<64 hex digits> {2}<file>"\); nothing was written\n$/u,
    );
  });
});

describe('usage', () => {
  it.each([
    [[], '--from DIR is required'],
    [['--from'], "Option '--from <value>' argument missing"],
    [['--from', ''], '--from DIR is required'],
    [['--from', '.', 'extra'], 'unexpected argument "extra"'],
    [['--from', '.', '--build'], "Unknown option '--build'"],
  ])('%j: exit code 2 with the usage', (argv, message) => {
    const { code, stdout, stderr } = run(...argv);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(new RegExp(`^import-docs: ${message.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u'));
    expect(stderr).toContain('Usage: import-docs --from DIR [--to DIR] [--dry-run] [--json]');
  });

  it('writes to the process’s streams by default', () => {
    const { code, stdout } = captureOutput(() => main(['--help']));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: import-docs --from DIR/u);
  });

  it('--help prints the usage, exit code 0', () => {
    const { code, stdout } = run('--help');
    expect(code).toBe(0);
    expect(stdout).toContain(
      '--to DIR    the committed upstream pages, <lang>.md and SHA256SUMS (default: docs/upstream)',
    );
  });

  it('reads docs/upstream of the project by default, whose pages the recent revision leaves as they are', () => {
    const before = snapshot(upstreamDir);
    // The project's languages, whatever they are: those the recent revision does not have are kept.
    const kept = readdirSync(upstreamDir)
      .filter((name) => name.endsWith('.md'))
      .map((name) => name.slice(0, -'.md'.length))
      .filter((lang) => !['en', 'ru', 'zh'].includes(lang));
    const { code, stdout } = run('--from', checkout(revisions.recent), '--dry-run');
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 5)).toEqual([
      expect.stringMatching(/^import-docs: 3 \.NET SmtpStatusCode page\(s\) in .* → .*docs\/upstream$/u),
      'added (0): -',
      'updated (0): -',
      'unchanged (3): en, ru, zh',
      `not in the checkout, kept (${kept.length}): ${kept.join(', ')}`,
    ]);
    expect(stdout).toMatch(/\nnothing to write: the committed pages are the checkout’s\n$/u);
    expect(snapshot(upstreamDir)).toEqual(before);
  });
});
