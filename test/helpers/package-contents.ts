// What ships: the tarball as `npm pack --dry-run --json` reports it, and where each language's
// texts are in it. Shared by the tarball's test (bounds) and bench/package.ts (BENCHMARKS.md).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocaleJson } from './locale-files.ts';

/** The tarball's figures: packed (gzip) and unpacked bytes, and every file with its size. */
export interface PackReport {
  packed: number;
  unpacked: number;
  files: { path: string; size: number }[];
}

/**
 * Runs `npm pack --dry-run --json` (no scripts: build first) in `root` and reads its report.
 *
 * @example packDryRun(projectRoot).unpacked // 783231
 */
export function packDryRun(root: string): PackReport {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [report] = JSON.parse(out.slice(out.indexOf('['))) as {
    size: number;
    unpackedSize: number;
    files: { path: string; size: number }[];
  }[];
  if (!report) throw new Error('npm pack --dry-run gave no report');
  return { packed: report.size, unpacked: report.unpackedSize, files: report.files };
}

/**
 * Texts that stand for a language's data: the longest text of each kind it has (member, generic,
 * enhanced, cause, reason and client texts), among those with no quote or backslash, so that each reads
 * the same in JSON, in a JavaScript string and in an object literal.
 */
export function sampleTexts(locale: LocaleJson): string[] {
  const plain = (text: string) => !/["'\\]/u.test(text);
  const longest = (texts: string[]) => texts.filter(plain).sort((a, b) => b.length - a.length)[0];
  const fielded = (texts: Readonly<Record<string, { why: string; sender: string; admin: string } | undefined>>) =>
    Object.values(texts).flatMap((entry) => (entry === undefined ? [] : [entry.why, entry.sender, entry.admin]));
  return [locale.codes, locale.generic ?? {}, locale.enhanced ?? {}, locale.causes ?? {}]
    .map((texts) => longest(Object.values(texts)))
    .concat(longest(fielded(locale.reasons ?? {})), longest(fielded(locale.client ?? {})))
    .filter((text): text is string => text !== undefined);
}

/** The documents that quote texts as examples: they are not where the data ships. */
const documents = new Set(['README.md', 'SECURITY.md']);

/**
 * The shipped files that hold any of a language's sample texts (the README's examples aside).
 *
 * @example filesHolding(report, root, localeFile('fr')) // ['dist/locales/fr.causes.json', 'dist/locales/fr.client.json', 'dist/locales/fr.codes.json', 'dist/locales/fr.enhanced.json', 'dist/locales/fr.reasons.json']
 */
export function filesHolding(report: PackReport, root: string, locale: LocaleJson): string[] {
  const samples = sampleTexts(locale);
  return report.files
    .map((file) => file.path)
    .filter((path) => !documents.has(path))
    .filter((path) => {
      const content = readFileSync(join(root, path), 'utf8');
      return samples.some((sample) => content.includes(sample));
    })
    .sort();
}
