/**
 * `npm run texts:import -- FILE [--dry-run]`: a translated PO file (from `texts:export`) back into
 * the language's pages under docs/project/texts, checked by the build's own parser and validator
 * first; a kind is taken whole (every text translated) or not at all. Writes all pages or none.
 */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDocs, loadRegistry } from './build-locales.ts';
import { BuildError, displayPath } from './build-problem.ts';
import { leftover, PartialWrite, writeOutputs } from './emit/write-files.ts';
import { steps } from './next-steps.ts';
import { readPage } from './read/read-docs.ts';
import { type DocsPage, importTexts } from './translate/po-texts.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const textsDir = join(root, 'docs', 'project', 'texts');

const usage = `Usage: texts:import FILE [--dry-run]

  FILE       a PO file written by npm run texts:export and translated
  --dry-run  check it and say what would change; write nothing

Exit codes: 0 imported or nothing to change, 1 refused (nothing written), 2 usage error.
`;

/** The docs pages the build reads, with their paths. */
function readDocs(dirs: readonly string[]): DocsPage[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .sort()
      .map((name) => {
        const read = readPage(join(dir, name));
        if ('message' in read) throw new BuildError([read]);
        return { ...read, path: join(dir, name) };
      }),
  );
}

/** Runs the import as a command; returns the exit code. */
export function main(argv: readonly string[]): number {
  let file: string;
  let dryRun: boolean;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    if (positionals.length !== 1) throw new Error('one PO file is required');
    file = positionals[0] as string;
    dryRun = values['dry-run'] ?? false;
  } catch (error) {
    process.stderr.write(`texts:import: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  try {
    const registry = loadRegistry().map((entry) => entry.key);
    const docs = readDocs(defaultDocs);
    const { lang, written } = importTexts(docs, registry, displayPath(file), readFileSync(file), textsDir, 'docs');
    if (written.length === 0) {
      process.stdout.write(`texts:import: ${lang}: no text changed; nothing to write\n`);
      return 0;
    }
    const list = written.map((page) => `${page.file} (${page.state})`).join(', ');
    if (dryRun) {
      process.stdout.write(`texts:import: ${lang}: dry run, nothing written; would write ${list}\n`);
      return 0;
    }
    const byDir = new Map<string, { name: string; content: string }[]>();
    for (const page of written) {
      const dir = dirname(page.path);
      byDir.set(dir, [...(byDir.get(dir) ?? []), { name: page.path.slice(dir.length + 1), content: page.text }]);
    }
    writeOutputs([...byDir].map(([dir, files]) => ({ dir, files, owns: (name: string) => leftover.test(name) })));
    process.stdout.write(`texts:import: ${lang}: wrote ${list}\nnext: ${steps.locales}\n`);
    return 0;
  } catch (error) {
    if (error instanceof PartialWrite) {
      process.stderr.write(`texts:import: ${error.message}\n`);
      return 1;
    }
    const message = error instanceof BuildError ? error.message : `texts:import: ${(error as Error).message}`;
    process.stderr.write(`${message}\ntexts:import: nothing was written\n`);
    return 1;
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
