import type { BuildProblem } from '../build-problem.ts';
import { findTables, type RawRow } from '../parse/find-tables.ts';
import type { Page } from '../parse/parse-page.ts';

/**
 * The rows of every table on a page; a problem at the page's first body line when it has none
 * (`shape` says what a row looks like).
 *
 * @example pageRows(page, '| language | Member | upstream text | corrected text | why |', problems)
 */
export function pageRows(page: Page, shape: string, problems: BuildProblem[]): RawRow[] {
  const tables = findTables(page);
  if (tables.length === 0) {
    problems.push({ file: page.file, line: page.bodyLine + 1, message: `no table: expected rows of \`${shape}\`` });
  }
  return tables.flatMap((table) => table.rows);
}
