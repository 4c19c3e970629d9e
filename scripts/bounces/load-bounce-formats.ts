import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type BounceFormatData, listFields, singleFields } from '../../src/bounces/format-data.ts';
import { BuildError, type BuildProblem } from '../build-problem.ts';
import { parsePage } from '../parse/parse-page.ts';
import { readDocsFile } from '../read/read-docs.ts';
import { patternProblem } from '../reasons/check-pattern.ts';
import { rulePageFrontMatter, sourceSchema } from '../reasons/rule-schemas.ts';
import { type RuleRow, ruleTable } from '../reasons/rule-table.ts';

/** Where the build reads the formats by default. */
export const defaultFormatsPage = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'docs',
  'project',
  'bounce-formats.md',
);

const flagsOf: Readonly<Record<string, string>> = { ...singleFields, ...listFields };
const fields = Object.keys(flagsOf) as (keyof typeof singleFields | keyof typeof listFields)[];
const columns = ['Format', 'Field', 'Pattern', 'Status', 'Source'];

const rowSchema = z.object({
  Format: z.string().regex(/^[a-z][a-z0-9.-]*$/u, 'a format id in lower case: postfix, outlook.com'),
  Field: z.enum(fields, {
    error: (issue) => `not a field: ${JSON.stringify(issue.input)} (one of ${fields.join(', ')})`,
  }),
  Pattern: z.string({ error: 'the pattern must be in inline code: `…`' }),
  Status: z.string().regex(/^(?:-|[245]\.\d{1,3}\.\d{1,3})$/u, 'an enhanced status code (5.1.1), or - for none'),
  Source: sourceSchema,
});

/**
 * Unbounded repetitions a format's pattern may hold: its parts are kept apart by the template's
 * own words and line ends, and it runs on text cut at `bounceLimits` (the hostile-message tests
 * time every format); the rule pages, matched on every reply, allow one.
 */
const unboundedPerPattern = 6;

type FormatRow = z.output<typeof rowSchema>;

/** A row through its schema and the pattern rules; `undefined` with its problems when it is wrong. */
function readRow(row: RuleRow, at: (message: string) => void): FormatRow | undefined {
  const input = Object.fromEntries(
    Object.entries(row.cells).map(([name, cell]) => [name, name === 'Pattern' ? cell.code : cell.text]),
  );
  const result = rowSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) at(`column ${String(issue.path[0] ?? '?')}: ${issue.message}`);
    return undefined;
  }
  const { Field: field, Pattern: pattern, Status: status } = result.data;
  const problem = patternProblem(pattern, { flags: flagsOf[field] ?? 'u', unbounded: unboundedPerPattern });
  if (problem !== undefined) at(`the ${field} pattern: ${problem}`);
  const grouped = field === 'recipient' || field === 'diagnostic';
  if (grouped && new RegExp(`${pattern}|`, 'u').exec('')?.length === 1)
    at(`the ${field} pattern has no group: group 1 is the ${field === 'recipient' ? 'address' : 'diagnostic'}`);
  if ((field === 'phrase') !== (status !== '-'))
    at(field === 'phrase' ? 'a phrase row names the enhanced status it means' : 'only a phrase row has a Status');
  return result.data;
}

/** Adds a row's pattern to its format (a new one when the row starts one). */
function addRow(
  formats: BounceFormatData[],
  starts: Map<string, number>,
  row: FormatRow,
  line: number,
  at: (message: string) => void,
) {
  const { Format: id, Field: field, Pattern: pattern, Status: status, Source: source } = row;
  let format = formats.at(-1);
  if (format?.id !== id) {
    const first = starts.get(id);
    if (first !== undefined)
      at(`format ${id} continues after other formats: keep its rows together (it starts at line ${first})`);
    format = { id, source, detect: '', recipient: '', diagnostic: [], phrases: [] };
    formats.push(format);
    starts.set(id, line);
  }
  if (field === 'diagnostic') format.diagnostic.push(pattern);
  else if (field === 'phrase') format.phrases.push([pattern, status]);
  else if (format[field]) at(`format ${id} has a second ${field} row`);
  else format[field] = pattern;
}

/**
 * Reads and checks docs/project/bounce-formats.md into the formats, in order. Throws `BuildError`
 * listing every problem (file:line), so nothing is written from a bad page.
 *
 * @example loadBounceFormats()[0].id // 'qmail'
 */
export function loadBounceFormats(path: string = defaultFormatsPage): BounceFormatData[] {
  const problems: BuildProblem[] = [];
  const { file, text } = readDocsFile(path);
  const page = parsePage(file, text);
  if (!('tree' in page)) throw new BuildError([page]);
  const front = rulePageFrontMatter.safeParse(page.data);
  if (!front.success) for (const issue of front.error.issues) problems.push({ file, line: 2, message: issue.message });
  const formats: BounceFormatData[] = [];
  const starts = new Map<string, number>();
  for (const row of ruleTable(page, columns, problems)) {
    const at = (message: string) => problems.push({ file, line: row.line, message });
    const value = readRow(row, at);
    if (value) addRow(formats, starts, value, row.line, at);
  }
  for (const format of formats) {
    for (const field of ['detect', 'recipient'] as const) {
      if (format[field] === '')
        problems.push({ file, line: starts.get(format.id) ?? 1, message: `format ${format.id} has no ${field} row` });
    }
  }
  if (problems.length > 0) throw new BuildError(problems);
  return formats;
}
