import { SmtpStatusCode, smtpStatusNames } from '../../src/catalog/smtp-status-code.ts';
import type { BuildProblem } from '../build-problem.ts';
import { findTables } from '../parse/find-tables.ts';
import { type Page, parsePage } from '../parse/parse-page.ts';
import { checkPage } from '../validate/check-page.ts';

/** A front matter field whose value differs; `old` or `new` is left out where the page has no such field. */
export interface FieldChange {
  key: string;
  old?: unknown;
  new?: unknown;
}

/** A member whose description differs; `old` is `null` on a page new to the project. */
export interface MemberChange {
  name: string;
  value: number;
  old: string | null;
  new: string;
}

/** How an upstream page differs from the committed one. */
export interface PageDiff {
  frontMatter: FieldChange[];
  members: MemberChange[];
  /** Lines outside the front matter and the member rows (headings, prose, table header) gone and come. */
  otherLines: { removed: string[]; added: string[] };
  /** Why the committed page could not be compared member by member (it fails the build's checks). */
  unreadable?: string;
}

/** What a page says, for comparing: front matter, member texts, and its other lines. */
interface Contents {
  data: Record<string, unknown>;
  codes: Partial<Record<string, string>>;
  lines: string[];
}

function contentsOf(page: Page, text: string, codes: Partial<Record<string, string>>): Contents {
  const rowLines = new Set(findTables(page).flatMap((table) => table.rows.map((row) => row.line)));
  const lines = text.split('\n').filter((_line, index) => index >= page.bodyLine && !rowLines.has(index + 1));
  return { data: page.data, codes, lines };
}

/** The committed page read as the build reads it; its first problem when the build would refuse it. */
function readCommitted(file: string, text: string): Contents | { problem: BuildProblem } {
  const page = parsePage(file, text);
  if (!('tree' in page)) return { problem: page };
  const problems: BuildProblem[] = [];
  const checked = checkPage(page, problems, []);
  const [problem] = problems;
  if (problem !== undefined) return { problem };
  return contentsOf(page, text, checked?.kind === 'codes' ? checked.codes : {});
}

/** The items of `a` that `b` lacks, counting repeats. */
function without(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const item of b) left.set(item, (left.get(item) ?? 0) + 1);
  return a.filter((item) => {
    const count = left.get(item) ?? 0;
    left.set(item, count - 1);
    return count <= 0;
  });
}

// YAML values: strings, numbers, booleans, null, dates, lists and mappings of them.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys
    .filter((key) => Object.hasOwn(before, key) !== Object.hasOwn(after, key) || !same(before[key], after[key]))
    .map((key) => ({
      key,
      ...(Object.hasOwn(before, key) && { old: before[key] }),
      ...(Object.hasOwn(after, key) && { new: after[key] }),
    }));
}

/**
 * Compares an upstream page with the committed page of its language (`undefined` when the
 * project has none): member by member, field by field, and the remaining lines.
 *
 * @example comparePages(upstream, page, codes, committedText).members[0]
 * // { name: 'StartMailInput', value: 354, old: '…', new: '…' }
 */
export function comparePages(
  text: string,
  page: Page,
  codes: Record<string, string>,
  committed: { file: string; text: string } | undefined,
): PageDiff {
  const after = contentsOf(page, text, codes);
  const read = committed === undefined ? undefined : readCommitted(committed.file, committed.text);
  const before: Contents = read === undefined || 'problem' in read ? { data: {}, codes: {}, lines: [] } : read;
  const members = smtpStatusNames
    .map((name) => ({ name, value: SmtpStatusCode[name], old: before.codes[name] ?? null, new: codes[name] ?? '' }))
    .filter((member) => member.old !== member.new);
  return {
    frontMatter: fieldChanges(before.data, after.data),
    members,
    // A new page's lines are all new: only a page the project has is compared line by line.
    otherLines:
      committed === undefined
        ? { removed: [], added: [] }
        : { removed: without(before.lines, after.lines), added: without(after.lines, before.lines) },
    ...(read !== undefined &&
      'problem' in read && {
        unreadable: `${read.problem.file}:${read.problem.line}: ${read.problem.message}`,
      }),
  };
}
