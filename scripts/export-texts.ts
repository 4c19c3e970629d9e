/**
 * `npm run texts:export -- --lang TAG [--out FILE]`: a language's project texts (every kind of
 * src/catalog/text-kinds.ts) as a gettext PO file for translators' tools, the English as msgid
 * and `kind:key` as msgctxt; empty msgstr where the language has no text yet. Import it back with
 * `npm run texts:import -- FILE`.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { canonicalLanguage } from '../src/catalog/negotiate-language.ts';
import { loadLocales } from './build-locales.ts';
import { BuildError } from './build-problem.ts';
import { exportTexts } from './translate/po-texts.ts';

const usage = `Usage: texts:export --lang TAG [--out FILE]

  --lang TAG  the language to export (its texts as msgstr; the English as msgid)
  --out FILE  where to write the PO file (default: standard output)

Translate it in any PO editor, then: npm run texts:import -- FILE
`;

/** Runs the export as a command; returns the exit code. */
export function main(argv: readonly string[]): number {
  let lang: string;
  let out: string | undefined;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { lang: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    const tag = canonicalLanguage(values.lang ?? '');
    if (tag === undefined) throw new Error(`--lang ${JSON.stringify(values.lang ?? '')}: not a BCP 47 language tag`);
    lang = tag;
    out = values.out;
  } catch (error) {
    process.stderr.write(`texts:export: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  try {
    const bytes = exportTexts(loadLocales(), lang);
    if (out === undefined) process.stdout.write(bytes);
    else {
      writeFileSync(out, bytes);
      process.stderr.write(`texts:export: wrote ${out}; next: translate it, then npm run texts:import -- ${out}\n`);
    }
    return 0;
  } catch (error) {
    const message = error instanceof BuildError ? error.message : (error as Error).message;
    process.stderr.write(`${message}\ntexts:export: nothing was written\n`);
    return 1;
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
