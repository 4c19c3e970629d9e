import { displayPath } from '../build-problem.ts';
import { steps } from '../next-steps.ts';
import type { ImportReport, PageChange } from './import-pages.ts';

/** What to run once the upstream pages changed: the import does not rebuild the locales itself. */
export const nextCommand = steps.locales;

/** A front matter value as a reader compares it: `(none)` for no such field, `(empty)` for `key:` alone. */
function shown(value: unknown): string {
  if (value === undefined) return '(none)';
  return value === null ? '(empty)' : JSON.stringify(value);
}

const languages = (list: readonly string[]) => (list.length === 0 ? '-' : list.join(', '));

function frontMatterLines(change: PageChange): string[] {
  if (change.frontMatter.length === 0) return [];
  return [
    '  front matter:',
    ...change.frontMatter.map((field) =>
      change.state === 'added'
        ? `    ${field.key}: ${shown(field.new)}`
        : `    ${field.key}: ${shown(field.old)} → ${shown(field.new)}`,
    ),
  ];
}

function memberLines(change: PageChange): string[] {
  if (change.members.length === 0) return [];
  return [
    `  members (${change.members.length}):`,
    ...change.members.flatMap((member) =>
      member.old === null
        ? [`    ${member.name} (${member.value}): ${JSON.stringify(member.new)}`]
        : [
            `    ${member.name} (${member.value})`,
            `      old: ${JSON.stringify(member.old)}`,
            `      new: ${JSON.stringify(member.new)}`,
          ],
    ),
  ];
}

function otherLines(change: PageChange): string[] {
  const { removed, added } = change.otherLines;
  if (removed.length + added.length === 0) return [];
  return [
    '  other lines:',
    ...removed.map((line) => `    - ${JSON.stringify(line)}`),
    ...added.map((line) => `    + ${JSON.stringify(line)}`),
  ];
}

function renderChange(change: PageChange): string[] {
  return [
    `${change.lang} (${change.state}): ${change.upstream} → ${change.file}`,
    ...(change.unreadable === undefined
      ? []
      : [`  the committed page fails the build's checks, so it is not compared: ${change.unreadable}`]),
    ...frontMatterLines(change),
    ...memberLines(change),
    ...otherLines(change),
  ];
}

/**
 * The import's report as plain text: the languages by outcome, then each changed page member by
 * member, what was skipped, and what was (or would be) written.
 *
 * @example renderReport(report).split('\n')[1] // 'added (1): de'
 */
export function renderReport(report: ImportReport): string {
  const lines = [
    `import-docs: ${report.found.length} .NET SmtpStatusCode page(s) in ${report.from} → ${displayPath(report.to)}`,
    `added (${report.added.length}): ${languages(report.added)}`,
    `updated (${report.updated.length}): ${languages(report.updated)}`,
    `unchanged (${report.unchanged.length}): ${languages(report.unchanged)}`,
    `not in the checkout, kept (${report.missing.length}): ${languages(report.missing)}`,
  ];
  for (const change of report.changes) lines.push('', ...renderChange(change));
  if (report.skipped.length > 0) {
    lines.push('', `skipped (${report.skipped.length}):`);
    for (const { path, reason } of report.skipped) lines.push(`  ${path}: ${reason}`);
  }
  lines.push('');
  if (report.written.length === 0) {
    lines.push('nothing to write: the committed pages are the checkout’s');
  } else if (report.dryRun) {
    lines.push(`dry run, nothing written; an import would write: ${report.written.join(', ')}`);
  } else {
    lines.push(`wrote: ${report.written.join(', ')}`, `next: ${nextCommand}`);
  }
  return `${lines.join('\n')}\n`;
}
