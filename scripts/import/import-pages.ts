import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BuildError, type BuildProblem, displayPath } from '../build-problem.ts';
import type { OutputFile } from '../emit/render-files.ts';
import { leftover, PartialWrite, writeOutputs } from '../emit/write-files.ts';
import { hashListName, parseHashList, renderHashList, sha256 } from '../read/hash-list.ts';
import { comparePages, type PageDiff } from './compare-pages.ts';
import { findPages, type Skipped } from './find-pages.ts';
import { readUpstreamPage, type UpstreamPage } from './read-upstream-page.ts';

/** An import that cannot go on, in one line per cause (a missing checkout, two pages for one language…). */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** Writing failed after staging began: each file is whole, the old one or the new one, but not all may be new. */
export class WriteFailed extends ImportError {}

/** Where an import reads and writes. */
export interface ImportOptions {
  /** A checkout of the upstream repository, at any revision. */
  from: string;
  /** The folder of the committed upstream pages, `<lang>.md`, and their `SHA256SUMS`. */
  to: string;
  /** Report only: write nothing. */
  dryRun?: boolean;
}

/** What an import does to one language's page. */
export interface PageChange extends PageDiff {
  lang: string;
  state: 'added' | 'updated';
  /** The page in the checkout. */
  upstream: string;
  /** The committed page it becomes. */
  file: string;
}

/** What an import found and did. */
export interface ImportReport {
  from: string;
  to: string;
  dryRun: boolean;
  /** Languages new to the project, that the project has and the checkout changes, and that it leaves as they are. */
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Languages the project has and the checkout does not: kept, never deleted by an import. */
  missing: string[];
  /** The pages taken from the checkout, by language. */
  found: { lang: string; upstream: string }[];
  /** Every added or updated page, with what changes. */
  changes: PageChange[];
  skipped: Skipped[];
  /** The files written, or under `dryRun` the files an import would write. */
  written: string[];
}

/** Reads every candidate; all problems of all pages stop the import together. */
function readCandidates(from: string) {
  const { candidates, skipped } = findPages(from);
  const pages: UpstreamPage[] = [];
  const problems: BuildProblem[] = [];
  for (const candidate of candidates) {
    const outcome = readUpstreamPage(candidate);
    if ('page' in outcome) pages.push(outcome.page);
    else if ('skipped' in outcome) skipped.push({ path: candidate.path, reason: outcome.skipped });
    else problems.push(...outcome.problems);
  }
  if (problems.length > 0) throw new BuildError(problems);
  const byLanguage = new Map<string, UpstreamPage[]>();
  for (const page of pages) byLanguage.set(page.lang, [...(byLanguage.get(page.lang) ?? []), page]);
  const twice = [...byLanguage].filter(([, list]) => list.length > 1);
  if (twice.length > 0) {
    throw new ImportError(
      twice
        .map(([lang, list]) => `two pages for language "${lang}": ${list.map((page) => page.path).join(' and ')}`)
        .join('\n'),
    );
  }
  if (pages.length === 0) {
    const seen = skipped.length === 0 ? '' : ` (${skipped.length} candidate(s) skipped: ${skipped[0]?.path}, …)`;
    throw new ImportError(
      `no .NET SmtpStatusCode page in ${from}: none at <language>/net/<namespace>/smtpstatuscode/_index.md${seen}`,
    );
  }
  return {
    pages: pages.sort((a, b) => (a.lang < b.lang ? -1 : 1)),
    skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

function checkoutFolder(from: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(from).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(
      code === 'ENOENT' ? `--from ${from}: no such folder` : `--from ${from}: cannot read it (${code})`,
    );
  }
  if (!isFolder) throw new ImportError(`--from ${from}: not a folder`);
}

/** The committed pages' languages (`<lang>.md`) and the hash list. */
function readCommitted(to: string) {
  const names = existsSync(to) ? readdirSync(to).filter((name) => name.endsWith('.md')) : [];
  const listPath = join(to, hashListName);
  const listText = existsSync(listPath) ? readFileSync(listPath, 'utf8') : undefined;
  return {
    languages: names.map((name) => name.slice(0, -'.md'.length)),
    listText,
    hashes: parseHashList(displayPath(listPath), listText ?? ''),
  };
}

/**
 * Imports the .NET `SmtpStatusCode` pages of an upstream checkout into the committed upstream
 * pages: each page copied byte for byte as `<to>/<lang>.md`, the hash list updated, languages
 * the checkout lacks kept. Writes all changed files or none (none under `dryRun`); throws a
 * `BuildError` for pages the build would refuse and an `ImportError` for anything else.
 *
 * @example importPages({ from: '../Aspose.Email-API-References', to: 'docs/upstream', dryRun: true }).updated // ['zh']
 */
export function importPages({ from, to, dryRun = false }: ImportOptions): ImportReport {
  checkoutFolder(from);
  const { pages, skipped } = readCandidates(from);
  const committed = readCommitted(to);
  const report: ImportReport = {
    from,
    to,
    dryRun,
    added: [],
    updated: [],
    unchanged: [],
    missing: committed.languages.filter((lang) => !pages.some((page) => page.lang === lang)).sort(),
    found: pages.map((page) => ({ lang: page.lang, upstream: page.path })),
    changes: [],
    skipped,
    written: [],
  };
  const files: OutputFile[] = [];
  const hashes = new Map(committed.hashes);
  for (const page of pages) {
    const name = `${page.lang}.md`;
    const target = join(to, name);
    const before = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    hashes.set(name, sha256(page.text));
    if (before === page.text) {
      report.unchanged.push(page.lang);
      continue;
    }
    const state = before === undefined ? 'added' : 'updated';
    report[state].push(page.lang);
    const committedPage = before === undefined ? undefined : { file: displayPath(target), text: before };
    const diff = comparePages(page.text, page.page, page.checked.codes, committedPage);
    report.changes.push({ lang: page.lang, state, upstream: page.path, file: displayPath(target), ...diff });
    files.push({ name, content: page.text });
  }
  const list = renderHashList(hashes);
  // The hash list goes last: should a rename fail half way, the pages renamed before it disagree
  // with it, and the test that guards the hashes says so.
  if (list !== committed.listText) files.push({ name: hashListName, content: list });
  report.written = files.map((file) => displayPath(join(to, file.name)));
  if (dryRun || files.length === 0) return report;
  try {
    writeOutputs([{ dir: to, files, owns: (name) => leftover.test(name) }]);
  } catch (error) {
    // Every file as it was (the renames before the one refused are put back), or those that
    // could not be named (a partial write).
    if (error instanceof PartialWrite) throw new WriteFailed(`writing ${displayPath(to)} failed: ${error.message}`);
    throw new ImportError(`writing ${displayPath(to)} failed (${(error as Error).message})`);
  }
  return report;
}
