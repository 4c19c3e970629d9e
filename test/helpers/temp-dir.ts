import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';

export const projectRoot = join(import.meta.dirname, '..', '..');
/** The upstream pages, committed as published. */
export const upstreamDir = join(projectRoot, 'docs', 'upstream');
/** The pages the project writes (generic and enhanced texts). */
export const projectTextsDir = join(projectRoot, 'docs', 'project', 'texts');
/** The registry page of enhanced status codes. */
export const registryPath = join(projectRoot, 'docs', 'project', 'enhanced-registry.md');

/** The name of every page the build reads, upstream's and the project's. */
export function docNames(): string[] {
  return [upstreamDir, projectTextsDir].flatMap((dir) => readdirSync(dir).filter((name) => name.endsWith('.md')));
}

/** Where a page of the build lives: `fr.md` upstream, `fr.enhanced.md` in the project's texts. */
export function docPath(name: string): string {
  const upstream = join(upstreamDir, name);
  return existsSync(upstream) ? upstream : join(projectTextsDir, name);
}
export const localesDir = join(projectRoot, 'locales');

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'smtp-status-i18n-'));
  created.push(dir);
  return dir;
}

/**
 * A temporary docs folder with `pages` written into it, plus the project's English pages
 * (the fallback every build needs) or, with `allDocs`, every page of the project.
 */
export function docsWith(pages: Record<string, string | Buffer>, { allDocs = false } = {}): string {
  const dir = tempDir();
  for (const name of docNames()) {
    if (allDocs || name.startsWith('en.')) cpSync(docPath(name), join(dir, name));
  }
  for (const [name, content] of Object.entries(pages)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Every file of a folder and its subfolders with its bytes, to compare a folder before and after. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'latin1')]),
  );
}

/** A path as the build reports it: relative to the working folder when inside it. */
export function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith('..') ? path : fromHere;
}
