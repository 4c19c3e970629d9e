import { SmtpStatusCode, type SmtpStatusName, smtpStatusNames } from '../../src/catalog/smtp-status-code.ts';
import type { BuildProblem } from '../build-problem.ts';
import type { RawRow, RawTable } from '../parse/find-tables.ts';
import { catalogRowSchema, issueMessages } from './schemas.ts';

/**
 * The enumeration table of an upstream page checked against `SmtpStatusCode`: three cells a row,
 * every member once with its value, no other; the member texts in enumeration order, or
 * `undefined` with problems.
 *
 * @example checkCodesTable(file, table, problems)?.Ok // 'Requested action taken and completed.'
 */
export function checkCodesTable(file: string, table: RawTable, problems: BuildProblem[]) {
  const report = (line: number, message: string) => problems.push({ file, line, message });
  if (table.columns !== 3) {
    report(table.line, `the table has ${table.columns} columns; expected 3: name | \`value\` | description`);
  }
  const codes = new Map<SmtpStatusName, string>();
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const name = row.cells[0]?.text ?? '';
    const first = seen.get(name);
    if (first !== undefined) {
      report(row.line, `duplicate row for "${name}" (first at line ${first})`);
      continue;
    }
    seen.set(name, row.line);
    const description = checkCatalogRow(row, report);
    if (description !== undefined) codes.set(name as SmtpStatusName, description);
  }
  for (const name of smtpStatusNames) {
    if (!seen.has(name))
      report(table.line, `missing member "${name}" (SmtpStatusCode.${name} = ${SmtpStatusCode[name]})`);
  }
  return codes.size === smtpStatusNames.length
    ? (Object.fromEntries(smtpStatusNames.map((name) => [name, codes.get(name)])) as Record<SmtpStatusName, string>)
    : undefined;
}

/** The description of a valid row; a problem for anything wrong with it. */
function checkCatalogRow(row: RawRow, report: (line: number, message: string) => void): string | undefined {
  const [name, value, description] = row.cells;
  if (row.cells.length !== 3) {
    report(row.line, `the row has ${row.cells.length} cells; expected 3: name | \`value\` | description`);
    return undefined;
  }
  const parsed = catalogRowSchema.safeParse({
    name: name?.text,
    value: value?.code ?? `not code: ${value?.text}`,
    description: description?.text,
  });
  if (!parsed.success) {
    report(row.line, `${name?.text || 'row'}: ${issueMessages(parsed.error)}`);
    return undefined;
  }
  const member = parsed.data.name;
  if (!Object.hasOwn(SmtpStatusCode, member)) {
    report(row.line, `unknown member "${member}": SmtpStatusCode has no such member`);
    return undefined;
  }
  const expected = SmtpStatusCode[member as SmtpStatusName];
  if (Number(parsed.data.value) !== expected) {
    report(row.line, `value mismatch: "${member}" is ${parsed.data.value} here but ${expected} in SmtpStatusCode`);
    return undefined;
  }
  return parsed.data.description;
}
