/**
 * Builds `locales/<lang>.json` and `src/locales/<lang>.ts` from the pages in
 * `docs/smtpstatuscode/`: `npm run build:locales [-- --check] [--docs DIR] [--out DIR] [--modules DIR]`.
 */
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BuildError, displayPath } from './build-problem.ts';
import { renderLocaleFiles, renderLocaleModules } from './emit/render-files.ts';
import { type Drift, findDrift, leftover, type OutputDir, writeOutputs } from './emit/write-files.ts';
import { assembleLocales } from './validate/assemble-locales.ts';
import { readRegistry } from './validate/read-registry.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the build reads and writes; the defaults are the project's own folders. */
export interface BuildOptions {
  docs?: string;
  out?: string;
  modules?: string;
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
 * Validates every page, then writes all outputs or none. Throws `BuildError` on a bad page.
 *
 * @example buildLocales({ check: true }).drift // [] when the committed locales are current
 */
export function buildLocales(options: BuildOptions = {}): BuildResult {
  const registry = readRegistry(options.registry ?? join(root, 'docs', 'enhanced', 'registry.md'));
  const locales = assembleLocales(
    options.docs ?? join(root, 'docs', 'smtpstatuscode'),
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
      owns: (name) => name.endsWith('.ts') || leftover.test(name),
    },
  ];
  const drift = options.check ? findDrift(outputs) : writeOutputs(outputs);
  return { languages: locales.map((locale) => locale.lang), drift };
}

const usage = `Usage: build-locales [--check] [--docs DIR] [--out DIR] [--modules DIR] [--registry FILE]

  --docs DIR     the pages to read (default: docs/smtpstatuscode)
  --out DIR      where the JSON locales go (default: locales)
  --modules DIR  where the runtime modules go (default: src/locales)
  --registry FILE  the enhanced status code registry (default: docs/enhanced/registry.md)
  --check        write nothing; exit 1 when the outputs differ from what the docs give
`;

/** Runs the build as a command; returns the exit code. */
export function main(argv: readonly string[]): number {
  let options: BuildOptions;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        docs: { type: 'string' },
        out: { type: 'string' },
        modules: { type: 'string' },
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
    const { languages, drift } = buildLocales(options);
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
    return 0;
  } catch (error) {
    if (error instanceof BuildError) {
      process.stderr.write(
        `${error.message}\nbuild-locales: ${error.problems.length} problem(s); nothing was written\n`,
      );
    } else {
      process.stderr.write(`build-locales: ${(error as Error).message ?? String(error)}\nnothing was written\n`);
    }
    return 1;
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
