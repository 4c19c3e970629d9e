// A word of the catalog page as its docs page writes it: the tests compare the pages with the
// docs pages themselves, never with the code that reads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './temp-dir.ts';

/** A word of the page as its docs page writes it (`| title | Codes d’état SMTP |`). @example word('fr', 'title') // 'Codes d’état SMTP' */
export function word(lang: string, key: string): string {
  const page = readFileSync(join(projectRoot, 'docs', 'project', 'texts', `${lang}.page.md`), 'utf8');
  const row = page.split('\n').find((line) => line.startsWith(`| ${key} | `));
  if (row === undefined) throw new Error(`no ${key} in ${lang}.page.md`);
  return row.slice(`| ${key} | `.length, -2);
}
