import type { Table } from 'mdast';
import { cellCode, cellText } from './cell-text.ts';
import type { Page } from './parse-page.ts';

/** A table row as the page has it: its file line and its cells' text. */
export interface RawRow {
  line: number;
  cells: readonly { text: string; code: string | undefined }[];
}

/** A table of the page, with the line of its header row and its body rows. */
export interface RawTable {
  line: number;
  columns: number;
  rows: readonly RawRow[];
}

function toRawTable(table: Table, bodyLine: number): RawTable {
  const [header, ...body] = table.children;
  return {
    line: (table.position?.start.line ?? 1) + bodyLine,
    columns: header?.children.length ?? 0,
    rows: body.map((row) => ({
      line: (row.position?.start.line ?? 1) + bodyLine,
      cells: row.children.map((cell) => ({ text: cellText(cell), code: cellCode(cell) })),
    })),
  };
}

/**
 * The tables of a page, in page order, with file lines. What a table holds is the page's kind
 * (its file name or front matter: scripts/parse/page-kind.ts), never a guess from its cells.
 *
 * @example findTables(page).length // 1 on an Aspose page
 */
export function findTables(page: Page): RawTable[] {
  return page.tree.children.flatMap((node) => (node.type === 'table' ? [toRawTable(node, page.bodyLine)] : []));
}
