import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildError } from '../../scripts/build-problem.ts';
import { patternProblem } from '../../scripts/reasons/check-pattern.ts';
import { defaultReasonPages, loadReasonRules } from '../../scripts/reasons/load-reason-rules.ts';
import { renderCauseReasons, renderReasonRules } from '../../scripts/reasons/render-reason-rules.ts';
import { projectRoot, tempDir } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

/** A copy of the reasons page and the rule pages, with `edit` applied to one page. */
function pagesWith(page: string, edit: (text: string) => string): { reasons: string; rules: string } {
  const dir = tempDir();
  const reasons = join(dir, 'reasons.md');
  const rules = join(dir, 'reason-rules');
  cpSync(defaultReasonPages.reasons, reasons);
  cpSync(defaultReasonPages.rules, rules, { recursive: true });
  const path = page === 'reasons.md' ? reasons : join(rules, page);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return { reasons, rules };
}

/** The line of the first line of `text` that contains `needle` (1-based). */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

function problems(pages: { reasons: string; rules: string }): string[] {
  try {
    loadReasonRules(pages);
  } catch (error) {
    if (error instanceof BuildError) return error.message.split('\n');
    throw error;
  }
  throw new Error('the build accepted a bad page');
}

const wordsPage = readFileSync(join(defaultReasonPages.rules, 'server-words.md'), 'utf8');
const userUnknownRow = '| user-unknown | Postfix, Sendmail, Exim, qmail, Exchange, Dovecot |';

// Each test runs the reasons step of the build (every page read, patterns compiled).
describe('the rule pages are checked by the build, each problem at its file and line', {
  timeout: timeouts.build,
}, () => {
  it('refuses a reason id that is not in docs/project/reasons.md', () => {
    const pages = pagesWith('server-words.md', (text) => text.replace(userUnknownRow, '| no-such-user | Postfix |'));
    const line = lineOf(wordsPage, userUnknownRow);
    expect(problems(pages)).toContainEqual(
      expect.stringMatching(new RegExp(`server-words\\.md:${line}: column Reason: not a reason id: "no-such-user"`)),
    );
  });

  it('refuses a pattern that does not compile, and one that could backtrack without end', () => {
    const broken = pagesWith('server-words.md', (text) =>
      text.replace('`suppression list\\|', '`suppression (list\\|'),
    );
    expect(problems(broken)).toContainEqual(
      expect.stringMatching(/server-words\.md:\d+: column Words: not a regular expression/u),
    );
    const risky = pagesWith('server-words.md', (text) =>
      text.replace('`suppression list\\|', '`(?:s+uppression )+list\\|'),
    );
    expect(problems(risky)).toContainEqual(expect.stringMatching(/column Words: a group that repeats without bound/u));
  });

  it('refuses a row without a source', () => {
    const gmail = readFileSync(join(defaultReasonPages.rules, 'gmail.md'), 'utf8');
    const row = gmail.split('\n').find((line) => line.startsWith('| - | 5.1.1 |')) ?? '';
    const pages = pagesWith('gmail.md', (text) => text.replace(row, row.replace(/\| [^|]+ \|$/u, '| |')));
    expect(problems(pages)).toContainEqual(
      `${join(pages.rules, 'gmail.md').replace(`${process.cwd()}/`, '')}:${lineOf(gmail, row)}: column Source: the source is missing or too short: name the document (RFC section, manual page or URL)`,
    );
  });

  it('refuses a reasons page that lacks a reason or renames it against Sisimai', () => {
    const reasons = readFileSync(defaultReasonPages.reasons, 'utf8');
    const missing = pagesWith('reasons.md', (text) => text.replace(/^\| vacation \|.*\n/mu, ''));
    expect(problems(missing)).toContainEqual(
      expect.stringContaining(
        `reasons.md:${reasons.split('\n').indexOf('---', 1) + 2}: reason vacation (src/reasons/reason-ids.ts) has no row`,
      ),
    );
    const renamed = pagesWith('reasons.md', (text) => text.replace('| blocked | Blocked |', '| blocked | Refused |'));
    expect(problems(renamed)).toContainEqual(
      expect.stringContaining(
        `reasons.md:${lineOf(reasons, '| blocked | Blocked |')}: reason blocked without hyphens must be Sisimai's name`,
      ),
    );
  });

  it('refuses a host pattern that is not *.domain, and a provider page nothing recognises', () => {
    const host = pagesWith('providers.md', (text) => text.replace('`*.yahoodns.net`', '`yahoodns.*`'));
    expect(problems(host)).toContainEqual(
      expect.stringMatching(/providers\.md:\d+: column Match: a host pattern is \*\. followed by a domain/u),
    );
    const orphan = pagesWith('icloud.md', (text) => text);
    cpSync(join(orphan.rules, 'icloud.md'), join(orphan.rules, 'aol.md'));
    expect(problems(orphan)).toContainEqual(
      expect.stringContaining('aol.md:1: no row of providers.md recognises provider aol'),
    );
  });
});

// Each test runs the reasons step of the build (every page read, patterns compiled).
describe('the causes page (reason-rules/causes.md) is checked by the build', { timeout: timeouts.build }, () => {
  const causes = readFileSync(join(defaultReasonPages.rules, 'causes.md'), 'utf8');
  const row = (cause: string) => causes.split('\n').find((line) => line.startsWith(`| ${cause} |`)) ?? '';
  const file = (pages: { rules: string }) => join(pages.rules, 'causes.md').replace(`${process.cwd()}/`, '');

  it('refuses a cause of the sending program given a reason that blames the receiving side', () => {
    const pages = pagesWith('causes.md', (text) =>
      text.replace('| no-recipients | sending | mailer-error |', '| no-recipients | sending | user-unknown |'),
    );
    expect(problems(pages)).toContainEqual(
      `${file(pages)}:${lineOf(causes, '| no-recipients |')}: cause no-recipients is the sending program's, but reason user-unknown's Why places it on the receiving side (Side in docs/project/reasons.md)`,
    );
  });

  it('refuses the same when reasons.md says the reason blames the receiving side', () => {
    const pages = pagesWith('reasons.md', (text) =>
      text.replace('| mailer-error | MailerError | either |', '| mailer-error | MailerError | receiving |'),
    );
    expect(problems(pages)).toContainEqual(
      expect.stringContaining(`causes.md:${lineOf(causes, '| no-recipients |')}: cause no-recipients is the sending`),
    );
  });

  it('refuses a missing cause, a cause given twice, an unknown cause, an unknown reason and an unknown side', () => {
    const missing = pagesWith('causes.md', (text) => text.replace(`${row('aborted')}\n`, ''));
    expect(problems(missing)).toContainEqual(
      `${file(missing)}:${causes.split('\n').indexOf('---', 1) + 2}: cause aborted (src/replies/client-error.ts) has no row`,
    );
    const twice = pagesWith('causes.md', (text) =>
      text.replace(row('aborted'), `${row('aborted')}\n${row('aborted')}`),
    );
    expect(problems(twice)).toContainEqual(
      `${file(twice)}:${lineOf(causes, '| aborted |') + 1}: aborted is given twice (first at line ${lineOf(causes, '| aborted |')})`,
    );
    const line = lineOf(causes, '| protocol |');
    const bad = pagesWith('causes.md', (text) =>
      text
        .replace('| protocol | between | mailer-error |', '| protocols | between | mailer-error |')
        .replace('| timeout | between | network-error |', '| timeout | between | slow-network |')
        .replace('| aborted | sending |', '| aborted | client |'),
    );
    expect(problems(bad)).toEqual(
      expect.arrayContaining([
        `${file(bad)}:${line}: column Cause: not a cause: "protocols" (see causeIds in src/replies/client-error.ts)`,
        expect.stringContaining(
          `causes.md:${lineOf(causes, '| timeout |')}: column Reason: not a reason id: "slow-network"`,
        ),
        expect.stringContaining(`causes.md:${lineOf(causes, '| aborted |')}: column Side: not a side: "client"`),
        expect.stringContaining(
          `causes.md:${causes.split('\n').indexOf('---', 1) + 2}: cause protocol (src/replies/client-error.ts) has no row`,
        ),
      ]),
    );
  });

  it('refuses a reasons page without the Side column', () => {
    const reasons = readFileSync(defaultReasonPages.reasons, 'utf8');
    const pages = pagesWith('reasons.md', (text) =>
      text.replace('| Reason | Sisimai | Side |', '| Reason | Sisimai | Where |'),
    );
    expect(problems(pages)).toContainEqual(
      expect.stringContaining(
        `reasons.md:${lineOf(reasons, '| Reason | Sisimai |')}: the table's columns are \`| Reason | Sisimai | Where | Definition | Source |\`; expected \`| Reason | Sisimai | Side | Definition | Source |\``,
      ),
    );
  });

  it('refuses a rule folder without the causes page', () => {
    const pages = pagesWith('causes.md', (text) => text);
    rmSync(join(pages.rules, 'causes.md'));
    expect(problems(pages)).toContainEqual(expect.stringContaining('causes.md:1: missing rule page'));
  });
});

// Each test runs the reasons step of the build (every page read, patterns compiled).
describe('the generated modules', { timeout: timeouts.build }, () => {
  it('cause-reasons.ts is what the build writes from causes.md, under a header naming the page', () => {
    const committed = readFileSync(join(projectRoot, 'src', 'internal', 'cause-reasons.ts'), 'utf8');
    expect(renderCauseReasons(loadReasonRules().causes).content).toBe(committed);
    expect(committed.split('\n')[0]).toBe(
      '// Generated by scripts/build-locales.ts from docs/project/reason-rules/causes.md. Do not edit.',
    );
  });

  it('is what the build writes from the committed pages, under a header naming the script', () => {
    const committed = readFileSync(join(projectRoot, 'src', 'internal', 'reason-rules.ts'), 'utf8');
    const rendered = renderReasonRules(loadReasonRules().rules);
    expect(rendered.content).toBe(committed);
    expect(committed.split('\n')[0]).toBe(
      '// Generated by scripts/build-locales.ts from docs/project/reasons.md and docs/project/reason-rules/. Do not edit.',
    );
  });
});

describe('patternProblem', () => {
  it.each([
    ['user unknown', undefined],
    ['(?:is )?full', undefined],
    ['\\[tss?0?[12457]\\]', undefined],
    ['buz[oó]n lleno|größe', undefined],
    // Matched without flags on lower-cased ASCII text: what `iu` would match otherwise is refused.
    [
      '\\[TSS?0?[12457]\\]',
      'T matches "T" with flags iu but not the same on lower-cased text: write patterns in lower case',
    ],
    ['[0-_]x', '[0-_] matches "A" with flags iu but not the same on lower-cased text: write patterns in lower case'],
    ['ſpam', 'ſ matches "S" with flags iu but not the same on lower-cased text: write patterns in lower case'],
    ['\\p{L}x', '\\p cannot be read on its own with flags iu and without: keep patterns to plain phrases'],
    ['client host (?:\\[[^\\]]{1,64}\\] )?blocked', undefined],
    ['(?:a|b)+x', 'a group that repeats without bound holds a repetition or a choice (catastrophic backtracking)'],
    ['(a+)+b', 'a group that repeats without bound holds a repetition or a choice (catastrophic backtracking)'],
    ['a.*b.*c', '2 unbounded repetitions (*, + or {n,}); at most one'],
    ['x|', 'the pattern matches the empty text, so it would match every reply'],
    ['(?=spam)', 'lookaround is not allowed: keep patterns to plain phrases'],
    ['(a)\\1', 'backreferences are not allowed'],
    ['', 'empty pattern'],
  ])('%s', (pattern, expected) => {
    expect(patternProblem(pattern)).toBe(expected);
  });

  it('refuses a pattern longer than 400 characters', () => {
    expect(patternProblem('a'.repeat(401))).toBe('pattern of 401 characters; at most 400');
  });
});
