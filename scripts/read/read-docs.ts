import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../build-problem.ts';

/** A docs file as read: the path a maintainer would type, and its text. */
export interface DocsFile {
  file: string;
  text: string;
}

/**
 * Reads one docs file.
 *
 * @example readDocsFile('docs/project/enhanced-registry.md').file // 'docs/project/enhanced-registry.md'
 */
export function readDocsFile(path: string): DocsFile {
  return { file: displayPath(path), text: readFileSync(path, 'utf8') };
}

/**
 * Reads every `.md` page of the given folders (not their subfolders), in a stable order: by
 * folder as given, then by name.
 *
 * @example readDocsPages(['docs/upstream', 'docs/project/texts']).length // 17
 */
export function readDocsPages(dirs: readonly string[]): DocsFile[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => entry.name)
      .sort()
      .map((name) => readDocsFile(join(dir, name))),
  );
}
