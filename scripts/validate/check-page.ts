import type { SmtpStatusName } from '../../src/catalog/smtp-status-code.ts';
import type { TextKindName } from '../../src/catalog/text-kinds.ts';
import type { BuildProblem } from '../build-problem.ts';
import { findTables } from '../parse/find-tables.ts';
import { pageKind } from '../parse/page-kind.ts';
import type { Page } from '../parse/parse-page.ts';
import { checkCodesTable } from './check-codes-table.ts';
import { checkFrontMatter } from './check-front-matter.ts';
import { checkKindTable } from './check-kind-table.ts';
import type { FrontMatter } from './schemas.ts';

export { siteDefaultLanguage, urlLanguage } from './check-front-matter.ts';

/** What one valid page contributes to its language's locale: upstream's member texts, or one kind of ours. */
export type CheckedPage = { file: string; lang: string; frontMatter: FrontMatter } & (
  | { kind: 'codes'; codes: Record<SmtpStatusName, string> }
  | { kind: TextKindName; texts: Record<string, string | Record<string, string>> }
);

/**
 * Validates one language page (not the errata page): its front matter, its language, and its one
 * table as its kind says (the enumeration against `SmtpStatusCode`, or a kind of the project's
 * texts). Problems are appended to `problems`; a page with any problem yields nothing.
 *
 * @example checkPage(page, problems, registry)?.lang // 'fr'
 */
export function checkPage(page: Page, problems: BuildProblem[], registry: readonly string[]): CheckedPage | undefined {
  const before = problems.length;
  const kind = pageKind(page);
  if ('error' in kind) {
    problems.push({ file: page.file, line: 1, message: kind.error });
    return undefined;
  }
  const header = checkFrontMatter(page, problems);
  if (header === undefined) return undefined;
  const [table, ...extra] = findTables(page);
  for (const other of extra) {
    problems.push({ file: page.file, line: other.line, message: 'a second table on one page: a page holds one table' });
  }
  if (table === undefined || kind.name === 'errata') {
    const shape = 'columns' in kind ? `| ${kind.columns} |` : '| MemberName | `value` | description |';
    problems.push({ file: page.file, line: page.bodyLine + 1, message: `no table: expected rows of \`${shape}\`` });
    return undefined;
  }
  const base = { file: page.file, lang: header.lang, frontMatter: header.frontMatter };
  if (kind.name === 'codes') {
    const codes = checkCodesTable(page.file, table, problems);
    return codes === undefined || problems.length > before ? undefined : { ...base, kind: 'codes', codes };
  }
  if (!('columns' in kind)) return undefined;
  const texts = checkKindTable(page.file, table, kind, header.lang, registry, problems);
  return texts === undefined || problems.length > before
    ? undefined
    : { ...base, kind: kind.name as TextKindName, texts };
}
