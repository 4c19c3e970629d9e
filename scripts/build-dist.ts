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
// as declarations (the types still refer to them).
for (const name of readdirSync(dist)) {
  const base = name.replace(/\.js(\.map)?$/u, '');
  if (/\.js(\.map)?$/u.test(name) && !entries.includes(base) && base !== 'worker') rmSync(join(dist, name));
}
for (const name of readdirSync(join(dist, 'server'))) {
  if (/\.js(\.map)?$/u.test(name) && !name.startsWith('serve-node.js')) rmSync(join(dist, 'server', name));
}
// The packed locales live inside the bundles that use them; alone they would be dead weight.
for (const name of ['packed.js', 'packed.js.map', 'packed.d.ts']) rmSync(join(dist, 'locales', name), { force: true });
chmodSync(join(dist, 'cli.js'), 0o755);
