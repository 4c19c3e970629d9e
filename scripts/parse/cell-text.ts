import type { TableCell } from 'mdast';
import { toString as flatten } from 'mdast-util-to-string';

/**
 * The plain text of a table cell: inline markup flattened to its text (raw HTML kept as
 * text), Unicode in NFC, runs of ASCII white space collapsed, trimmed. No-break spaces stay: they
 * are typography (French puts U+202F before `;` `:` `?` `!`), not layout.
 *
 * @example cellText(cell) // 'Service SMTP prêt.'
 */
export function cellText(cell: TableCell): string {
  return flatten(cell, { includeHtml: true })
    .normalize('NFC')
    .replace(/[ \t\n\r\f\v]+/gu, ' ')
    .replace(/^ | $/gu, '');
}

/** The value of a cell that holds exactly one inline code span, e.g. `` `550` `` → `'550'`. */
export function cellCode(cell: TableCell): string | undefined {
  const [only, ...rest] = cell.children;
  return only?.type === 'inlineCode' && rest.length === 0 ? only.value : undefined;
}
