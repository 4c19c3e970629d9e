/**
 * `npm run languages [-- --json]`: what each language has and lacks, read through the build
 * (the pages it accepts) and the kinds table (src/catalog/text-kinds.ts), with the file to write
 * for each lack. A kind a language lacks is said in the fallback language's words, and
 * `explain` marks each part with the language it is in.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fallbackLanguage } from '../src/catalog/negotiate-language.ts';
import { textKinds } from '../src/catalog/text-kinds.ts';
import { defaultDocs, loadLocales } from './build-locales.ts';
import { BuildError, displayPath } from './build-problem.ts';
import { steps } from './next-steps.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the report reads; the defaults are the project's own. */
export interface LanguagesOptions {
  docs?: readonly string[];
  /** The folder of the project's texts, where a missing page is to be written. */
  texts?: string;
  /** The outcome words of each language, which the tests check sentences against. */
  lexicon?: string;
}

/** One thing a language lacks, and the file that gives it. */
export interface Lack {
  /** A kind's name (`enhanced`…), or `lexicon`. */
  what: string;
  file: string;
}

/** What one language has and lacks. */
export interface LanguageState {
  lang: string;
  /** The upstream page of its member texts. */
  upstream: string;
  /** How many member texts the errata correct. */
  errata: number;
  /** Each kind of the project's texts: the page it comes from, or `null` when the language lacks it. */
  kinds: Record<string, string | null>;
  lexicon: boolean;
  lacks: Lack[];
}

/** The report: every language, and the language that says what the others lack. */
export interface LanguagesReport {
  fallback: string;
  languages: LanguageState[];
}

/**
 * What each language of the docs has and lacks. Throws a `BuildError` when the build refuses a page.
 *
 * @example languagesReport().languages.find((language) => language.lang === 'fr')?.lacks // []
 */
export function languagesReport(options: LanguagesOptions = {}): LanguagesReport {
  const texts = options.texts ?? join(root, 'docs', 'project', 'texts');
  const lexiconPath = options.lexicon ?? join(root, 'docs', 'project', 'lexicon.json');
  const lexicon = JSON.parse(readFileSync(lexiconPath, 'utf8')) as Record<string, unknown>;
  const languages = loadLocales(options.docs ?? defaultDocs).map((locale): LanguageState => {
    const files = locale.files as Record<string, string | undefined> | undefined;
    const kinds = Object.fromEntries(textKinds.map((kind) => [kind.name, files?.[kind.name] ?? null]));
    const lacks: Lack[] = textKinds
      .filter((kind) => kinds[kind.name] === null)
      .map((kind) => ({ what: kind.name, file: displayPath(join(texts, `${locale.lang}.${kind.name}.md`)) }));
    const hasLexicon = Object.hasOwn(lexicon, locale.lang);
    if (!hasLexicon) lacks.push({ what: 'lexicon', file: displayPath(lexiconPath) });
    return {
      lang: locale.lang,
      upstream: locale.source.file,
      errata: Object.keys(locale.errata ?? {}).length,
      kinds,
      lexicon: hasLexicon,
      lacks,
    };
  });
  return { fallback: fallbackLanguage, languages };
}

/** The report as a table, then each language's lacks with the file to write. */
export function renderLanguagesReport({ fallback, languages }: LanguagesReport): string {
  const header = ['lang', 'upstream', 'errata', ...textKinds.map((kind) => kind.name), 'lexicon'];
  const rows = languages.map((language) => [
    language.lang,
    language.upstream,
    String(language.errata),
    ...textKinds.map((kind) => (language.kinds[kind.name] === null ? '-' : 'yes')),
    language.lexicon ? 'yes' : '-',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [
    `${languages.length} languages; what one lacks is said in ${fallback} (the fallback)`,
    '',
    line(header),
  ];
  lines.push(...rows.map(line));
  for (const language of languages.filter((entry) => entry.lacks.length > 0)) {
    lines.push('', `${language.lang} lacks (said in ${fallback} until written; explain marks each part's lang):`);
    for (const lack of language.lacks) {
      lines.push(
        lack.what === 'lexicon'
          ? `  lexicon: add "${language.lang}" to ${lack.file} (the outcome words the tests check its sentences with)`
          : `  ${lack.what}: write ${lack.file} (or translate npm run texts:export -- --lang ${language.lang}, then npm run texts:import)`,
      );
    }
  }
  lines.push('', `next: ${steps.check}`);
  return `${lines.join('\n')}\n`;
}

const usage = `Usage: languages [--json]

What each language has (upstream member texts, errata, each kind of the project's texts, the
outcome lexicon) and lacks, with the file to write. Exit codes: 0 reported, 1 a page the build
refuses, 2 usage error.
`;

/** Runs the report as a command; returns the exit code. */
export function main(argv: readonly string[]): number {
  let json: boolean;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    json = values.json ?? false;
  } catch (error) {
    process.stderr.write(`languages: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  try {
    const report = languagesReport();
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : renderLanguagesReport(report));
    return 0;
  } catch (error) {
    const message = error instanceof BuildError ? error.message : ((error as Error).message ?? String(error));
    process.stderr.write(
      `${message}\nlanguages: the build refuses the docs; fix them first (${steps.locales} says the same)\n`,
    );
    return 1;
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
