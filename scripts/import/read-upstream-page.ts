import type { BuildProblem } from '../build-problem.ts';
import { findTables } from '../parse/find-tables.ts';
import { type Page, parsePage } from '../parse/parse-page.ts';
import { readPage } from '../read/read-docs.ts';
import { type CheckedPage, checkPage } from '../validate/check-page.ts';
import type { Candidate } from './find-pages.ts';

/** An upstream page the build accepts: its exact text, parsed and checked. */
export interface UpstreamPage {
  path: string;
  lang: string;
  text: string;
  page: Page;
  checked: Extract<CheckedPage, { kind: 'codes' }>;
}

/** What reading a candidate gives: a page to import, a page that is not the enumeration, or problems. */
export type CandidateOutcome = { page: UpstreamPage } | { skipped: string } | { problems: BuildProblem[] };

/** The folder of the enumeration's own page: `<language>/net/aspose.email.clients.smtp/smtpstatuscode/`. */
const enumerationNamespace = /^[^/]+\/net\/aspose\.email\.clients\.smtp\/smtpstatuscode\//iu;

/**
 * Reads one candidate with the build's own parser and validator: a page without the enumeration
 * table (`| Name | `value` | Description |`) outside the enumeration's namespace
 * (`aspose.email.clients.smtp`) is not the .NET `SmtpStatusCode` page and is skipped; the page in
 * that namespace, and any page with such a table, must pass every rule of the build, or its
 * problems stop the import.
 *
 * @example readUpstreamPage(candidate) // { page: { lang: 'de', … } }
 */
export function readUpstreamPage({ path, file }: Candidate): CandidateOutcome {
  // The build's own reading rule (strict UTF-8, bounded): the copy must be byte for byte.
  const read = readPage(file, path);
  if ('message' in read) return { problems: [read] };
  const page = parsePage(path, read.text);
  if (!('tree' in page)) return { problems: [page] };
  // A candidate in a checkout is the enumeration when a table lists `value`s in code (other
  // types' pages sit beside it); the build itself never guesses a page's kind from its cells.
  const listsValues = findTables(page).some((table) =>
    table.rows.some((row) => /^-?\d+$/u.test(row.cells[1]?.code ?? '')),
  );
  // In the namespace the .NET API documents the enumeration in, the page is the enumeration: one
  // whose table cannot be read (a separator row lost, rows indented) stops the import.
  if (!listsValues && !enumerationNamespace.test(path)) {
    return { skipped: 'not the .NET enumeration: no `| Name | `value` | Description |` table' };
  }
  const problems: BuildProblem[] = [];
  const checked = checkPage(page, problems, []);
  if (checked?.kind !== 'codes') return { problems };
  return { page: { path, lang: checked.lang, text: read.text, page, checked } };
}
