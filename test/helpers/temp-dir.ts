import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';

export const projectRoot = join(import.meta.dirname, '..', '..');
export const docsDir = join(projectRoot, 'docs', 'smtpstatuscode');
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
  for (const name of readdirSync(docsDir)) {
    if (allDocs || name.startsWith('en.')) cpSync(join(docsDir, name), join(dir, name));
  }
  for (const [name, content] of Object.entries(pages)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Every file of a flat folder with its bytes, to compare a folder before and after. */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'latin1')]),
  );
}

/** A path as the build reports it: relative to the working folder when inside it. */
export function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith('..') ? path : fromHere;
}
