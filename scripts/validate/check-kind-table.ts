import { messageProblem } from '../../src/catalog/message-format.ts';
import type { TextKind } from '../../src/catalog/text-kinds.ts';
import type { BuildProblem } from '../build-problem.ts';
import type { RawRow, RawTable } from '../parse/find-tables.ts';
import { issueMessages, kindRowSchema } from './schemas.ts';

/** One row's key and text, or what is wrong with it. */
function checkRow(
  row: RawRow,
  kind: TextKind,
  lang: string,
): { key: string; text: string | Record<string, string> } | { problem: string } {
  const count = 1 + (kind.fields?.length ?? 1);
  if (row.cells.length !== count) {
    return { problem: `the row has ${row.cells.length} cells; expected ${count}: ${kind.columns}` };
  }
  const [key, ...cells] = row.cells;
  const parsed = kindRowSchema(kind).safeParse({ key: key?.text, texts: cells.map((cell) => cell.text) });
  if (!parsed.success) return { problem: `${key?.text || 'row'}: ${issueMessages(parsed.error)}` };
  const { fields, placeholders } = kind;
  const { texts } = parsed.data;
  const takes = placeholders?.[parsed.data.key];
  const problem = takes === undefined ? undefined : messageProblem(texts[0] as string, lang, takes);
  if (problem !== undefined) return { problem: `${parsed.data.key}: ${problem}` };
  return {
    key: parsed.data.key,
    text: fields
      ? Object.fromEntries(fields.map((field, index) => [field, texts[index] as string]))
      : (texts[0] as string),
  };
}

/**
 * A table of one kind of the project's texts checked: a key and its text(s) a row, each key one
 * of the kind's (a fixed list, or for a kind keyed by pattern the registry's keys), once; every
 * key when the kind is complete; a kind of messages has each text checked for the page's
 * language `lang` (placeholders, plural categories). The texts in the keys' order, or
 * `undefined` with problems.
 *
 * @example checkKindTable(file, table, causesKind, 'fr', [], problems)?.timeout // 'The server did not answer in time.'
 */
export function checkKindTable(
  file: string,
  table: RawTable,
  kind: TextKind,
  lang: string,
  registry: readonly string[],
  problems: BuildProblem[],
): Record<string, string | Record<string, string>> | undefined {
  const report = (line: number, message: string) => problems.push({ file, line, message });
  const columns = 1 + (kind.fields?.length ?? 1);
  if (table.columns !== columns) {
    report(table.line, `the table has ${table.columns} columns; expected ${columns}: ${kind.columns}`);
  }
  // A kind keyed by pattern (enhanced codes) holds the registry's keys: the registry says which exist.
  const keys = Array.isArray(kind.keys) ? (kind.keys as readonly string[]) : registry;
  const texts = new Map<string, { text: string | Record<string, string>; line: number }>();
  // A key whose row is wrong is reported there, not again as missing.
  const written = new Set(table.rows.map((row) => row.cells[0]?.text));
  for (const row of table.rows) {
    const checked = checkRow(row, kind, lang);
    if ('problem' in checked) report(row.line, checked.problem);
    else if (texts.has(checked.key)) {
      report(row.line, `duplicate row for "${checked.key}" (first at line ${texts.get(checked.key)?.line})`);
    } else if (!keys.includes(checked.key)) {
      report(row.line, `"${checked.key}" is not in the registry (docs/project/enhanced-registry.md)`);
    } else {
      texts.set(checked.key, { text: checked.text, line: row.line });
    }
  }
  const found = keys.filter((key) => texts.has(key));
  if (kind.complete && found.length < keys.length) {
    const missing = keys.filter((key) => !written.has(key));
    if (missing.length > 0) report(table.line, `missing ${kind.name} text(s): ${missing.join(', ')}`);
    return undefined;
  }
  return Object.fromEntries(found.map((key) => [key, texts.get(key)?.text as string | Record<string, string>]));
}
