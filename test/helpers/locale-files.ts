import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localesDir } from './temp-dir.ts';

/** A generated locale file, as JSON. */
export interface LocaleJson {
  lang: string;
  codes: Record<string, string>;
  generic?: { texts: Record<string, string> };
  enhanced?: { texts: Record<string, string> };
}

/** The generated JSON locales, read from disk: the reference the runtime is checked against. */
export const localeFiles: LocaleJson[] = readdirSync(localesDir)
  .filter((name) => name.endsWith('.json') && name !== 'locale.schema.json')
  .map((name) => JSON.parse(readFileSync(join(localesDir, name), 'utf8')));

export function localeFile(lang: string): LocaleJson {
  const found = localeFiles.find((locale) => locale.lang === lang);
  if (!found) throw new Error(`no locale ${lang}`);
  return found;
}
