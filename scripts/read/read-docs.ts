import { isUtf8 } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BuildError, type BuildProblem, displayPath } from '../build-problem.ts';
import { pageLimits } from '../parse/parse-page.ts';
import { hashLineProblem, hashListName, readHashList, sha256 } from './hash-list.ts';

// The one rule for reading a page, for the build and the importer alike: strict UTF-8, so that a
// page is read as the bytes the hash list vouches for and never silently repaired.

/** A docs file as read: the path a maintainer would type, and its text. */
export interface DocsFile {
  file: string;
  text: string;
}

/** A UTF-8 character takes at most 4 bytes: a file above this cannot be within the parser's limit. */
export const maxPageBytes = pageLimits.size * 4;

/** The line of the first byte sequence that is not UTF-8 (a line feed is never inside a multi-byte character). */
function badLine(bytes: Buffer): number {
  let start = 0;
  let line = 1;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    if (!isUtf8(bytes.subarray(start, stop))) return line;
    if (end === -1) return line;
    start = end + 1;
    line += 1;
  }
}

/**
 * Reads one page as strict UTF-8, or says why it cannot be read as text, at the line where it
 * fails: too large (checked before reading), NUL bytes (a binary file), bytes that are not UTF-8.
 * `shown` is how problems name the file (default: the path as a maintainer would type it).
 *
 * @example readPage('docs/upstream/fr.md') // { file: 'docs/upstream/fr.md', text: '---\ntitle: …' }
 */
export function readPage(path: string, shown: string = displayPath(path)): DocsFile | BuildProblem {
  const refuse = (line: number, message: string): BuildProblem => ({ file: shown, line, message });
  const size = statSync(path).size;
  if (size > maxPageBytes) {
    return refuse(
      1,
      `the page is too large (${size} bytes); the build reads pages of at most ${pageLimits.size} characters`,
    );
  }
  const bytes = readFileSync(path);
  if (bytes.includes(0)) return refuse(1, 'not a text page (it holds NUL bytes)');
  if (!isUtf8(bytes)) return refuse(badLine(bytes), 'not UTF-8: pages are read as UTF-8 text, byte for byte');
  return { file: shown, text: bytes.toString('utf8') };
}

/**
 * Reads one docs file by the rule of `readPage`; throws a `BuildError` naming it when it cannot.
 *
 * @example readDocsFile('docs/project/enhanced-registry.md').file // 'docs/project/enhanced-registry.md'
 */
export function readDocsFile(path: string): DocsFile {
  const read = readPage(path);
  if ('message' in read) throw new BuildError([read]);
  return read;
}

/**
 * The problems of a folder's pages against its hash list (`SHA256SUMS`, which only the importer
 * writes): a page whose SHA-256 differs, a page the list does not name, a name whose page is gone.
 * A folder without a list (the project's own texts) has none.
 */
function hashProblems(
  dir: string,
  pages: readonly (DocsFile | BuildProblem)[],
  names: readonly string[],
): BuildProblem[] {
  const listPath = join(dir, hashListName);
  if (!existsSync(listPath)) return [];
  const list = readPage(listPath);
  if ('message' in list) return [list];
  const hashes = readHashList(list.text);
  if (!(hashes instanceof Map)) return [{ file: list.file, line: hashes.badLine, message: hashLineProblem }];
  const problems: BuildProblem[] = [];
  for (const [index, page] of pages.entries()) {
    if ('message' in page) continue;
    const expected = hashes.get(names[index] ?? '');
    if (expected === undefined) {
      problems.push({
        file: page.file,
        line: 1,
        message: `not listed in ${list.file}: an upstream page comes from npm run import:docs -- --from <checkout>, which writes the page and its hash`,
      });
    } else if (sha256(page.text) !== expected) {
      problems.push({
        file: page.file,
        line: 1,
        message: `its SHA-256 differs from ${list.file}: upstream pages are never edited by hand (npm run import:docs writes them and their hashes); correct a text in docs/project/texts/errata.md`,
      });
    }
  }
  const lines = list.text.split('\n');
  for (const name of hashes.keys()) {
    if (names.includes(name)) continue;
    const line = lines.findIndex((text) => text.endsWith(` ${name}`)) + 1;
    problems.push({ file: list.file, line, message: `lists ${name}, which is not in ${displayPath(dir)}` });
  }
  return problems;
}

/**
 * Reads every `.md` page of the given folders (not their subfolders), in a stable order: by
 * folder as given, then by name; a page that cannot be read, or that its folder's `SHA256SUMS`
 * does not vouch for, is a problem in its place.
 *
 * @example readDocsPages(['docs/upstream', 'docs/project/texts']).length // 17
 */
export function readDocsPages(dirs: readonly string[]): (DocsFile | BuildProblem)[] {
  return dirs.flatMap((dir) => {
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => entry.name)
      .sort();
    const pages = names.map((name) => readPage(join(dir, name)));
    return [...pages, ...hashProblems(dir, pages, names)];
  });
}
