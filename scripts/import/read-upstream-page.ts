import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import type { BuildProblem } from '../build-problem.ts';
import { findTables } from '../parse/find-tables.ts';
import { type Page, pageLimits, parsePage } from '../parse/parse-page.ts';
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

// A UTF-8 character takes at most 4 bytes: a file above this cannot be within the build's limit.
const maxBytes = pageLimits.size * 4;

/** The page's text, or the line of its first byte that is not UTF-8 (the copy must be byte for byte). */
function decode(bytes: Buffer): { text: string } | { line: number } {
  if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  // A line feed is never part of a multi-byte character: the lines can be checked one by one.
  let offset = 0;
  const lines = bytes.toString('latin1').split('\n');
  const bad = lines.findIndex((line) => {
    const start = offset;
    offset += line.length + 1;
    return !isUtf8(bytes.subarray(start, start + line.length));
  });
  return { line: bad + 1 };
}

/**
 * Reads one candidate with the build's own parser and validator: a page without the enumeration
 * table (`| Name | `value` | Description |`) is not the .NET `SmtpStatusCode` page and is skipped;
 * a page that has one must pass every rule of the build, or its problems stop the import.
 *
 * @example readUpstreamPage(candidate) // { page: { lang: 'de', … } }
 */
export function readUpstreamPage({ path, file }: Candidate): CandidateOutcome {
  const refuse = (line: number, message: string): CandidateOutcome => ({ problems: [{ file: path, line, message }] });
  const size = statSync(file).size;
  if (size > maxBytes) {
    return refuse(
      1,
      `the page is too large (${size} bytes); the build reads pages of at most ${pageLimits.size} characters`,
    );
  }
  const decoded = decode(readFileSync(file));
  if ('line' in decoded) return refuse(decoded.line, 'not UTF-8: the page cannot be copied as text byte for byte');
  const page = parsePage(path, decoded.text);
  if (!('tree' in page)) return { problems: [page] };
  // A candidate in a checkout is the enumeration when a table lists `value`s in code (other
  // types' pages sit beside it); the build itself never guesses a page's kind from its cells.
  const listsValues = findTables(page).some((table) =>
    table.rows.some((row) => /^-?\d+$/u.test(row.cells[1]?.code ?? '')),
  );
  if (!listsValues) {
    return { skipped: 'not the .NET enumeration: no `| Name | `value` | Description |` table' };
  }
  const problems: BuildProblem[] = [];
  const checked = checkPage(page, problems, []);
  if (checked?.kind !== 'codes') return { problems };
  return { page: { path, lang: checked.lang, text: decoded.text, page, checked } };
}
