/**
 * `npm run build`: compiles `src/` into `dist/`. tsc writes the declarations and the per-language
 * modules (`dist/locales/<lang>.js`, imported one by one); esbuild then bundles each entry
 * (`index`, `core`, `lite`, `i18next`, `cli`, `server`, `bounce`) into one file, because Node loads one
 * module far faster than a graph of twenty: importing the main entry costs about half, and the
 * CLI starts within 1.3× of `node -e ""` (BENCHMARKS.md). Hono is bundled into `server.js` (and
 * its Node adapter into `server/serve-node.js`, which only `smtp-status serve` loads); the
 * package's one runtime dependency, postal-mime, stays an import of `bounce.js` alone. `worker.js` is the Workers bundle `wrangler.toml` deploys.
 * `i18next-all.js` imports the per-language modules beside it rather than holding a copy of each,
 * and the three entries that serve every language (`index`, `cli`, `server`) share one copy of
 * them as JSON text (`internal/packed-locales.js`, not exported): a second module costs Node far
 * less than 160 kB more in the tarball for each entry.
 *
 * Source maps: one per bundle, pointing at the sources the package ships in src/ (each inlined
 * once there, not once per bundle that uses it); only the sources of bundled dependencies (Hono)
 * are inlined. The generated data modules (src/locales, src/internal) do not ship: their
 * compiled form in dist/locales is as readable as their source, and has no map.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { workerBuildOptions } from './worker-build.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const entries = ['index', 'core', 'lite', 'i18next', 'i18next-all', 'cli', 'server', 'bounce'];
// The CLI loads the server only for `serve`, at run time: these stay imports of the files beside it.
const lazyImports = new Set(['./server.js', './server/serve-node.js']);
const lazyServer: Plugin = {
  name: 'lazy-server',
  setup(build) {
    build.onResolve({ filter: /^\.\/server/ }, (args) =>
      args.importer.endsWith(join('src', 'cli.ts')) && lazyImports.has(args.path)
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};

// Bounce reading (and postal-mime) loads at run time, only when used: `smtp-status bounce` loads
// `cli/bounce.js`, and both it and the server's `POST /v1/bounces` take the explainer from the
// bounce entry beside them (`bounce.js`), so no bundle holds a second copy of it.
const lazyBounce: Plugin = {
  name: 'lazy-bounce',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands\/bounce\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'cli', 'run-cli.ts'))
        ? { path: './cli/bounce.js', external: true }
        : undefined,
    );
    build.onResolve({ filter: /\/bounces\/explain-bounce\.js$/ }, (args) => {
      if (args.importer.endsWith(join('src', 'server', 'app.ts'))) return { path: './bounce.js', external: true };
      if (args.importer.endsWith(join('src', 'cli', 'commands', 'bounce.ts')))
        return { path: '../bounce.js', external: true };
      return undefined;
    });
  },
};

// The entry with every language loads them from the per-language modules, as a bundler would.
const sharedLocales: Plugin = {
  name: 'shared-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/[^/]+\.js$/ }, (args) =>
      args.importer.endsWith(join('src', 'internal', 'all-locales.ts'))
        ? { path: args.path.replace('../locales/', './locales/'), external: true }
        : undefined,
    );
  },
};

// The language data the main entry, the CLI and the server read: one file for the three.
const sharedPackedLocales: Plugin = {
  name: 'shared-packed-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\/internal\/packed-locales\.js$/ }, (args) =>
      /[/\\]src[/\\](index|cli|server)\.ts$/u.test(args.importer) ? { path: args.path, external: true } : undefined,
    );
  },
};

/** Keeps in a source map the text of bundled dependencies alone: the package's own sources ship in src/. */
function slimMap(path: string): void {
  const map = JSON.parse(readFileSync(path, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
  map.sourcesContent = map.sources.map((source, index) =>
    source.includes('node_modules/') ? (map.sourcesContent?.[index] ?? null) : null,
  );
  writeFileSync(path, JSON.stringify(map));
}

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
await build({
  entryPoints: [
    ...entries.map((name) => join(root, 'src', `${name}.ts`)),
    { in: join(root, 'src', 'server', 'serve-node.ts'), out: 'server/serve-node' },
    { in: join(root, 'src', 'cli', 'commands', 'bounce.ts'), out: 'cli/bounce' },
  ],
  outdir: dist,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  sourcesContent: true,
  charset: 'utf8',
  logLevel: 'warning',
  // The entries do not import one another at run time: each bundle stands alone.
  splitting: false,
  plugins: [lazyServer, lazyBounce, sharedLocales, sharedPackedLocales],
  // The package's one runtime dependency, imported by the bounce entry alone: installed, not copied.
  external: ['postal-mime'],
});
// The generated data is its own source: no map for it.
await build({
  entryPoints: [join(root, 'src', 'internal', 'packed-locales.ts')],
  outfile: join(dist, 'internal', 'packed-locales.js'),
  format: 'esm',
  target: 'node20',
  charset: 'utf8',
  logLevel: 'warning',
});
await build({ ...workerBuildOptions(root), outfile: join(dist, 'worker.js') });
// Only the bundles and the per-language modules run; the other compiled modules are left
// as declarations (the types still refer to them). The internals live inside the bundles.
// Besides the entries and the languages, the Workers bundle, the Node server `serve` loads and
// the bounce command run.
const alsoRuns = [
  'worker.js',
  'worker.js.map',
  'server/serve-node.js',
  'server/serve-node.js.map',
  'cli/bounce.js',
  'cli/bounce.js.map',
  'internal/packed-locales.js',
].map((name) => join(dist, name));
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name);
  const base = entry.name.replace(/\.js(\.map)?$/u, '');
  const runs =
    alsoRuns.includes(path) ||
    (entry.parentPath === dist ? entries.includes(base) : entry.parentPath === join(dist, 'locales'));
  if (entry.isFile() && /\.js(\.map)?$/u.test(entry.name) && !runs) rmSync(path);
}
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && entry.name.endsWith('.js.map')) slimMap(join(entry.parentPath, entry.name));
}
// The per-language modules export their locale as "module.exports" for require(esm); the
// declarations leave it out: TypeScript before 5.6 cannot parse a string export name, even in a
// library's .d.ts under skipLibCheck.
for (const name of readdirSync(join(dist, 'locales')).filter((file) => file.endsWith('.d.ts'))) {
  const path = join(dist, 'locales', name);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^export \{ \w+ as 'module\.exports' \};\n/mu, ''));
}
chmodSync(join(dist, 'cli.js'), 0o755);
