/**
 * Builds `locales/<lang>.json`, `src/locales/<lang>.ts` and `src/internal/` from the upstream
 * pages (`docs/upstream/`) and the project's pages (`docs/project/texts/`):
 * `npm run build:locales [-- --check] [--docs DIR]… [--out DIR] [--modules DIR] [--internal DIR]`.
 * The stages, each in its folder: read/ (files), parse/ (text → tables), validate/ (tables →
 * locales, no I/O), emit/ (locales → files).
 */
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadBounceFormats } from './bounces/load-bounce-formats.ts';
import { renderBounceFormats } from './bounces/render-bounce-formats.ts';
import { BuildError, displayPath } from './build-problem.ts';
import { renderInternalModules, renderLocaleFiles, renderLocaleModules } from './emit/render-files.ts';
import { type Drift, findDrift, leftover, type OutputDir, PartialWrite, writeOutputs } from './emit/write-files.ts';
import { afterLocales } from './next-steps.ts';
import { parsePage } from './parse/parse-page.ts';
import { readDocsFile, readDocsPages } from './read/read-docs.ts';
import { loadReasonRules } from './reasons/load-reason-rules.ts';
import { renderCauseReasons, renderReasonRules } from './reasons/render-reason-rules.ts';
import { assembleLocales } from './validate/assemble-locales.ts';
import { checkRegistry, type RegistryEntry } from './validate/check-registry.ts';
import type { AssembledLocale } from './validate/schemas.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The upstream pages, as `import:docs` writes them: `<lang>.md` and `SHA256SUMS`. */
export const upstreamDocs = join(root, 'docs', 'upstream');

/** The folders of pages the build reads by default: upstream's, then the project's. */
export const defaultDocs = [upstreamDocs, join(root, 'docs', 'project', 'texts')];

/** The registry page of enhanced status codes. */
export const defaultRegistry = join(root, 'docs', 'project', 'enhanced-registry.md');

/** Where the build reads and writes; the defaults are the project's own folders. */
export interface BuildOptions {
  /** The folders of pages (every `.md` file in each). */
  docs?: string | readonly string[];
  out?: string;
  modules?: string;
  /** Default: `src/internal`, or `<modules>/internal` when `modules` is given. */
  internal?: string;
  /** The registry page of enhanced status codes. */
  registry?: string;
  /** Compare only: write nothing. */
  check?: boolean;
}

/** What a build found: the languages it built and the files that differed (written, or not under `check`). */
export interface BuildResult {
  languages: string[];
  drift: Drift[];
}

/**
 * Reads the registry page and checks it. Throws `BuildError` on a bad page.
 *
 * @example loadRegistry().map((entry) => entry.key) // ['2.X.X', …]
 */
export function loadRegistry(path: string = defaultRegistry): RegistryEntry[] {
  const { file, text } = readDocsFile(path);
  const page = parsePage(file, text);
  if (!('tree' in page)) throw new BuildError([page]);
  return checkRegistry(page);
}

/**
 * Reads, parses and validates every page into one locale per language. Throws `BuildError`
 * listing every problem; writes nothing.
 *
 * @example loadLocales().map((locale) => locale.lang) // ['ar', 'en', …]
 */
export function loadLocales(
  docs: string | readonly string[] = defaultDocs,
  registry: readonly string[] = loadRegistry().map((entry) => entry.key),
): AssembledLocale[] {
  const dirs = typeof docs === 'string' ? [docs] : docs;
  const parsed = readDocsPages(dirs).map((read) => ('message' in read ? read : parsePage(read.file, read.text)));
  return assembleLocales(parsed, registry, dirs.map(displayPath).join(' and '));
}

/**
 * Validates every page, then writes all outputs or none. Throws `BuildError` on a bad page.
 *
 * @example buildLocales({ check: true }).drift // [] when the committed locales are current
 */
export function buildLocales(options: BuildOptions = {}): BuildResult {
  const registry = loadRegistry(options.registry);
  const reasonPages = loadReasonRules();
  const locales = loadLocales(
    options.docs,
    registry.map((entry) => entry.key),
  );
  const outputs: OutputDir[] = [
    {
      dir: options.out ?? join(root, 'locales'),
      files: renderLocaleFiles(locales),
      owns: (name) => name.endsWith('.json') || leftover.test(name),
    },
    {
      dir: options.modules ?? join(root, 'src', 'locales'),
      files: renderLocaleModules(locales),
      owns: (name) => /\.(?:ts|json)$/u.test(name) || name === 'README.md' || leftover.test(name),
    },
    {
      dir: options.internal ?? (options.modules ? join(options.modules, 'internal') : join(root, 'src', 'internal')),
      files: [
        ...renderInternalModules(locales),
        renderReasonRules(reasonPages.rules),
        renderCauseReasons(reasonPages.causes),
        renderBounceFormats(loadBounceFormats()),
      ],
      owns: (name) => name.endsWith('.ts') || leftover.test(name),
    },
  ];
  const drift = options.check ? findDrift(outputs) : writeOutputs(outputs);
  return { languages: locales.map((locale) => locale.lang), drift };
}

const usage = `Usage: build-locales [--check] [--docs DIR]… [--out DIR] [--modules DIR] [--internal DIR] [--registry FILE]

  --docs DIR       a folder of pages to read, repeatable (default: docs/upstream and docs/project/texts)
  --out DIR        where the JSON locales go (default: locales)
  --modules DIR    where the public runtime modules go (default: src/locales)
  --internal DIR   where the entries' build internals go (default: src/internal,
                   or DIR/internal with --modules DIR)
  --registry FILE  the enhanced status code registry (default: docs/project/enhanced-registry.md)
  --check          write nothing; exit 1 when the outputs differ from what the docs give
`;

/** What a build says on the console; returns the exit code. */
function report(options: BuildOptions, { languages, drift }: BuildResult): number {
  if (options.check) {
    for (const { path, state } of drift)
      process.stderr.write(`${displayPath(path)}: ${state} (run npm run build:locales)\n`);
    if (drift.length > 0) return 1;
    process.stdout.write(`build-locales: ${languages.length} locales up to date (${languages.join(', ')})\n`);
    return 0;
  }
  const changed =
    drift.length === 0
      ? 'no file changed'
      : drift.map(({ path, state }) => `${displayPath(path)} (${state})`).join(', ');
  process.stdout.write(`build-locales: ${languages.length} locales (${languages.join(', ')}); ${changed}\n`);
  // dist/ is built from the project's own folders: only a build into them makes it stale.
  const own = options.out === undefined && options.modules === undefined && options.internal === undefined;
  if (own && drift.length > 0) process.stdout.write(`${afterLocales}\n`);
  return 0;
}

/** Runs the build as a command; returns the exit code. */
export function main(argv: readonly string[]): number {
  let options: BuildOptions;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        docs: { type: 'string', multiple: true },
        out: { type: 'string' },
        modules: { type: 'string' },
        internal: { type: 'string' },
        registry: { type: 'string' },
        check: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(usage);
      return 0;
    }
    options = values;
  } catch (error) {
    process.stderr.write(`build-locales: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  try {
    return report(options, buildLocales(options));
  } catch (error) {
    if (error instanceof BuildError) {
      process.stderr.write(
        `${error.message}\nbuild-locales: ${error.problems.length} problem(s); nothing was written\n`,
      );
    } else if (error instanceof PartialWrite) {
      process.stderr.write(`build-locales: ${error.message}\n`);
    } else {
      process.stderr.write(`build-locales: ${(error as Error).message ?? String(error)}\nnothing was written\n`);
    }
    return 1;
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
