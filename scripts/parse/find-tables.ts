import type { Table } from 'mdast';
import { causeKeyPattern, enhancedKeyPattern } from '../../src/catalog/locale-data.ts';
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

/** The tables of a page that this project reads, told apart by their shape, not their headers. */
export interface PageTables {
  /** `| Member | `value` | description |`: the enumeration. */
  catalog: RawTable[];
  /** `| 5xx | description |`: the project's generic texts for unlisted codes. */
  generic: RawTable[];
  /** `| 5.X.X | description |`, `| X.1.1 | description |`: enhanced status codes (RFC 3463). */
  enhanced: RawTable[];
  /** `| fr | Member | upstream text | corrected text | why |`: the project's errata. */
  errata: RawTable[];
  /** `| connection-refused | description |`: the project's texts for the causes of client errors. */
  causes: RawTable[];
}

const integerCode = /^-?\d+$/;
const genericKey = /^(?:[2-5]xx|x[0-5]x)$/;

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
 * Finds the enumeration, generic-text, enhanced-code and cause tables of a page by their structure.
 *
 * @example findTables(page).catalog.length // 1 on an Aspose page
 */
export function findTables(page: Page): PageTables {
  const found: PageTables = { catalog: [], generic: [], enhanced: [], errata: [], causes: [] };
  for (const node of page.tree.children) {
    if (node.type !== 'table') continue;
    const table = toRawTable(node, page.bodyLine);
    if (table.columns === 5) {
      found.errata.push(table);
    } else if (table.rows.some((row) => integerCode.test(row.cells[1]?.code ?? ''))) {
      found.catalog.push(table);
    } else if (table.rows.some((row) => genericKey.test(row.cells[0]?.text ?? ''))) {
      found.generic.push(table);
    } else if (table.rows.some((row) => enhancedKeyPattern.test(row.cells[0]?.text ?? ''))) {
      found.enhanced.push(table);
    } else if (table.rows.some((row) => causeKeyPattern.test(row.cells[0]?.text ?? ''))) {
      found.causes.push(table);
    }
  }
  return found;
}
