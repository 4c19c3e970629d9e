/**
 * `npm run build`: compiles `src/` into `dist/`. tsc writes the declarations and the per-language
 * modules (`dist/locales/<lang>.js`, imported one by one); esbuild then bundles each entry
 * (`index`, `core`, `lite`, `i18next`, `cli`, `server`) into one file, because Node loads one
 * module far faster than a graph of twenty: importing the main entry costs about half, and the
 * CLI starts within 1.3× of `node -e ""` (BENCHMARKS.md). Hono is bundled into `server.js` (and
 * its Node adapter into `server/serve-node.js`, which only `smtp-status serve` loads), so the
 * package keeps no runtime dependency. `worker.js` is the Workers bundle `wrangler.toml` deploys.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { workerBuildOptions } from './worker-build.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const entries = ['index', 'core', 'lite', 'i18next', 'cli', 'server'];
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

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
await build({
  entryPoints: [
    ...entries.map((name) => join(root, 'src', `${name}.ts`)),
    { in: join(root, 'src', 'server', 'serve-node.ts'), out: 'server/serve-node' },
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
  plugins: [lazyServer],
});
await build({ ...workerBuildOptions(root), outfile: join(dist, 'worker.js') });
// Only the bundles and the per-language modules run; the other compiled modules are left
// as declarations (the types still refer to them). The internals live inside the bundles.
// Besides the entries and the languages, the Workers bundle and the Node server `serve` loads run.
const alsoRuns = ['worker.js', 'worker.js.map', 'server/serve-node.js', 'server/serve-node.js.map'].map((name) =>
  join(dist, name),
);
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name);
  const base = entry.name.replace(/\.js(\.map)?$/u, '');
  const runs =
    alsoRuns.includes(path) ||
    (entry.parentPath === dist ? entries.includes(base) : entry.parentPath === join(dist, 'locales'));
  if (entry.isFile() && /\.js(\.map)?$/u.test(entry.name) && !runs) rmSync(path);
}
chmodSync(join(dist, 'cli.js'), 0o755);
