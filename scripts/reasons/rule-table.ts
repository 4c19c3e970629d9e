import type { Node } from 'unist';
import type { BuildProblem } from '../build-problem.ts';
import { cellCode, cellText } from '../parse/cell-text.ts';
import type { Page } from '../parse/parse-page.ts';

/** A cell of a rule page: its plain text, and its inline code when it holds exactly one span. */
export interface RuleCell {
  text: string;
  code: string | undefined;
}

/** A body row of a rule page's table, at its file line, with its cells by column name. */
export interface RuleRow {
  line: number;
  cells: Readonly<Record<string, RuleCell>>;
}

/**
 * The rows of the one table of a rule page, whose header must be exactly `columns`; problems
 * (at the file's line) for a missing table, a second table, another header or a row with another
 * number of cells.
 *
 * @example ruleTable(page, ['Enhanced', 'Reason', 'Agrees', 'Source'], problems)[0].cells.Reason.text // 'delivered'
 */
export function ruleTable(page: Page, columns: readonly string[], problems: BuildProblem[]): RuleRow[] {
  const shape = `| ${columns.join(' | ')} |`;
  const tables = page.tree.children.filter((node) => node.type === 'table');
  const [table, extra] = tables;
  if (table === undefined) {
    problems.push({ file: page.file, line: page.bodyLine + 1, message: `no table: expected one table \`${shape}\`` });
    return [];
  }
  const lineOf = (node: Node) => (node.position?.start.line ?? 1) + page.bodyLine;
  if (extra !== undefined) {
    problems.push({
      file: page.file,
      line: lineOf(extra),
      message: `a second table: a rule page holds one table \`${shape}\``,
    });
  }
  const [header, ...body] = table.children;
  const names = header?.children.map((cell) => cellText(cell)) ?? [];
  if (names.join('|') !== columns.join('|')) {
    problems.push({
      file: page.file,
      line: lineOf(table),
      message: `the table's columns are \`| ${names.join(' | ')} |\`; expected \`${shape}\``,
    });
    return [];
  }
  const rows: RuleRow[] = [];
  for (const row of body) {
    const line = lineOf(row);
    if (row.children.length !== columns.length) {
      problems.push({
        file: page.file,
        line,
        message: `${row.children.length} cells; expected ${columns.length}: \`${shape}\``,
      });
      continue;
    }
    const cells: Record<string, RuleCell> = {};
    for (const [index, name] of columns.entries()) {
      const cell = row.children[index];
      if (cell) cells[name] = { text: cellText(cell), code: cellCode(cell) };
    }
    rows.push({ line, cells });
  }
  return rows;
}
