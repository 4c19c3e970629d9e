/**
 * `npm run build`: compiles `src/` into `dist/`. tsc writes the declarations and the per-language
 * modules (`dist/locales/<lang>.js`, imported one by one); esbuild then bundles each entry
 * (`index`, `core`, `lite`, `i18next`, `cli`, `server`, `bounce`), the code they share split into
 * chunks (`chunk-*.js`) held once: each entry loads a handful of modules, not a graph of a
 * hundred. Hono is bundled into the server (its Node adapter into `server/serve-node.js`, which
 * only `smtp-status serve` loads); the package's one runtime dependency, postal-mime, stays an
 * import of the bounce code alone. `worker.js` is the Workers bundle `wrangler.toml` deploys.
 * `i18next-all.js` imports the per-language modules beside it rather than holding a copy of each.
 * The language data ships once: each language's parts as JSON (`locales/<lang>.<part>.json`), which
 * other tools read, the public modules of `locales/` import, and the three entries that serve every
 * language (`index`, `cli`, `server`) import through `internal/locale-parts.js`, joining a
 * language's parts when it is first asked for.
 *
 * No source maps: a map worth having points at sources, and shipping `src/` beside maps doubled
 * the tarball. So our own code is minified only where a stack trace still reads as the code: its
 * syntax everywhere (names, lines and the `@__PURE__` marks our users' bundlers read are kept),
 * its whitespace too in the files only Node runs (the CLI, `serve`'s adapter), where no bundler
 * needs those marks and a frame still names its function. The packages bundled in (Hono, its Node
 * adapter) are minified whole: a frame in them is theirs.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, transform } from 'esbuild';
import { steps } from './next-steps.ts';
import { reachedDeclarations } from './reached-declarations.ts';
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
const sharedLocaleParts: Plugin = {
  name: 'shared-locale-parts',
  setup(build) {
    build.onResolve({ filter: /^\.\/internal\/locale-parts\.js$/ }, (args) =>
      /[/\\]src[/\\](index|cli|server)\.ts$/u.test(args.importer) ? { path: args.path, external: true } : undefined,
    );
  },
};

// The bundled packages, minified as they are read: Hono and its Node adapter, 57 kB lighter.
const minifiedPackages: Plugin = {
  name: 'minified-packages',
  setup(build) {
    build.onLoad({ filter: /[/\\]node_modules[/\\].*\.m?js$/ }, async (args) => ({
      contents: (await transform(readFileSync(args.path, 'utf8'), { minify: true, charset: 'utf8', loader: 'js' }))
        .code,
      loader: 'js',
    }));
  },
};

// What only Node runs, never a bundler: the bin and what it loads for `bounce` and `serve`.
const nodeOnly = ['cli.js', 'cli/bounce.js', 'server/serve-node.js'];

rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
const bundled = await build({
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
  charset: 'utf8',
  logLevel: 'warning',
  // The code the entries share is in chunks (`chunk-*.js`), once each: bundling each entry whole
  // held the catalog five times over (480 kB of the tarball) to save Node a few module loads.
  splitting: true,
  minifySyntax: true,
  metafile: true,
  absWorkingDir: root,
  plugins: [lazyServer, lazyBounce, sharedLocales, sharedLocaleParts, minifiedPackages],
  // The package's one runtime dependency, imported by the bounce entry alone: installed, not copied.
  external: ['postal-mime'],
});
await build({ ...workerBuildOptions(root), outfile: join(dist, 'worker.js') });
// What runs: esbuild's outputs (entries, chunks, what `serve` and `bounce` load), the per-language
// modules and the language data (tsc's output, as the generated source reads), and the Workers
// bundle. The other compiled modules are left as declarations (the types still refer to them).
const runs = new Set([
  ...Object.keys(bundled.metafile.outputs).map((path) => join(root, path)),
  join(dist, 'worker.js'),
  join(dist, 'worker.js.map'),
]);
const languageData = /^locale-parts\.js$/u;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  const path = join(entry.parentPath, entry.name);
  const kept =
    runs.has(path) ||
    entry.parentPath === join(dist, 'locales') ||
    (entry.parentPath === join(dist, 'internal') && languageData.test(entry.name));
  if (entry.isFile() && /\.js(\.map)?$/u.test(entry.name) && !kept) rmSync(path);
}
// Declarations ship where a user's TypeScript can reach them from an export: the CLI's, the
// service's internals' and the language data's (private, the same few lines for every language)
// are read by no one.
const reached = reachedDeclarations(root, dist);
for (const path of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
  if (path.endsWith('.d.ts') && !reached.has(path.split(sep).join('/'))) rmSync(join(dist, path));
}
// esbuild keeps, for evaluation order, a bare import of a chunk an entry takes no binding from.
// The package has no side effects (`sideEffects: false`), so bundlers drop those imports, and
// say so in a warning to every user: dropped here, with a chunk no file imports any more.
const chunkImport = /^import "\.{1,2}\/chunk-[A-Z0-9]+\.js";\n/gmu;
const code = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
  .map((entry) => join(entry.parentPath, entry.name));
for (const path of code) writeFileSync(path, readFileSync(path, 'utf8').replace(chunkImport, ''));
// The doc comments esbuild keeps from our sources (`/** … */` before a property) are read in src/
// and, for what is exported, in the declarations: the bundles drop them. Only a doc comment on
// lines of its own goes, and the code must minify to the same bytes without it (a template
// literal, such as the page's script, keeps its text), or the build stops.
// Their indentation is a tab a level where esbuild writes two spaces (outside template literals,
// whose text is the code's own): 7.4 kB of the package when it came. The same check holds the build to it.
const commentLines = /^[ \t]*\/\*\*(?:[^*]|\*(?!\/))*\*\/\n/gmu;
const minified = async (text: string) => (await transform(text, { minify: true, charset: 'utf8', loader: 'js' })).code;
for (const path of code) {
  if (!bundled.metafile.outputs[relative(root, path).split(sep).join('/')]) continue;
  const source = readFileSync(path, 'utf8');
  const stripped = tabIndented(source.replace(commentLines, ''));
  if (stripped === source) continue;
  const [before, after] = await Promise.all([minified(source), minified(stripped)]);
  if (before !== after) throw new Error(`Dropping the comments of ${path} would change its code`);
  writeFileSync(path, stripped);
}
const imported = new Set(
  code.flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/["']\.{1,2}\/(chunk-[A-Z0-9]+\.js)["']/gu)].map((m) => m[1]),
  ),
);
for (const path of code) {
  const name = path.slice(dist.length + 1);
  if (name.startsWith('chunk-') && !imported.has(name)) rmSync(path);
}
// The per-language modules export their locale as "module.exports" for require(esm); the
// declarations leave it out: TypeScript before 5.6 cannot parse a string export name, even in a
// library's .d.ts under skipLibCheck.
for (const name of readdirSync(join(dist, 'locales')).filter((file) => file.endsWith('.d.ts'))) {
  const path = join(dist, 'locales', name);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^export \{ \w+ as 'module\.exports' \};\n/mu, ''));
}
for (const name of nodeOnly) {
  const path = join(dist, name);
  const minified = await transform(readFileSync(path, 'utf8'), {
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'utf8',
    loader: 'js',
  });
  writeFileSync(path, minified.code);
}
// The JSON parts ship as the build wrote them (tsc re-spaces the JSON it copies); the schema for
// other tools ships without indentation.
for (const name of readdirSync(join(root, 'src', 'locales')).filter((file) => file.endsWith('.json'))) {
  writeFileSync(join(dist, 'locales', name), readFileSync(join(root, 'src', 'locales', name)));
}
const schema: unknown = JSON.parse(readFileSync(join(root, 'locales', 'locale.schema.json'), 'utf8'));
writeFileSync(join(dist, 'locale.schema.json'), `${JSON.stringify(schema)}\n`);
chmodSync(join(dist, 'cli.js'), 0o755);

/**
 * Code with each line's indentation written as a tab a level (esbuild writes two spaces), except
 * the lines that start inside a template literal (a backtick opened on an earlier line).
 *
 * @example tabIndented('if (a) {\n  b();\n}') // 'if (a) {\n\tb();\n}'
 */
function tabIndented(code: string): string {
  let inTemplate = false;
  return code
    .split('\n')
    .map((line) => {
      const written = inTemplate ? line : line.replace(/^(?: {2})+/u, (spaces) => '\t'.repeat(spaces.length / 2));
      for (let at = line.indexOf('`'); at !== -1; at = line.indexOf('`', at + 1)) {
        if (line[at - 1] !== '\\') inTemplate = !inTemplate;
      }
      return written;
    })
    .join('\n');
}

// `npm run build` by hand, in a terminal: the next of the maintainer's steps, on stderr. Not when
// npm runs it (`prepare`, which runs `npm run build`, on install and `npm pack`): a piped
// `npm pack --json` would read the line as part of its JSON.
if (process.env.npm_lifecycle_event === 'build' && process.stderr.isTTY) {
  process.stderr.write(`next: ${steps.languages}, then ${steps.check}\n`);
}
