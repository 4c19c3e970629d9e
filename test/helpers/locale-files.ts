import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localesDir } from './temp-dir.ts';

/** A generated locale file, as JSON. */
export interface LocaleJson {
  lang: string;
  codes: Record<string, string>;
  files?: Record<string, string>;
  generic?: Record<string, string>;
  enhanced?: Record<string, string>;
  causes?: Record<string, string>;
  reasons?: Record<string, { why: string; sender: string; admin: string }>;
  client?: Record<string, { why: string; sender: string; admin: string }>;
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

/**
 * What a reply with this enhanced code should say in `lang`, composed here from the locale file
 * as docs/texts-style.md states it: the class sentence, then the code's own sentence (else its
 * subject's), with a space unless the class sentence ends with a full-width stop.
 */
export function enhancedText(lang: string, code: `${2 | 4 | 5}.${number}.${number}`): string {
  const texts = localeFile(lang).enhanced ?? localeFile('en').enhanced ?? {};
  const [cls, subject, detail] = code.split('.');
  const head = texts[`${cls}.X.X`] ?? '';
  const tail = texts[`X.${subject}.${detail}`] ?? texts[`X.${subject}.X`];
  if (tail === undefined) return head;
  return /[。！？]$/u.test(head) ? head + tail : `${head} ${tail}`;
}

/**
 * The locales that have a kind of the project's texts. A language may ship with upstream's member
 * texts only (`npm run languages` says what it lacks); what it lacks is said in the fallback
 * language's words, so the checks of a kind's texts run over the languages that have them.
 */
export function localesWith(...kinds: ('generic' | 'enhanced' | 'causes' | 'reasons')[]): LocaleJson[] {
  return localeFiles.filter((locale) => kinds.every((kind) => locale[kind] !== undefined));
}
