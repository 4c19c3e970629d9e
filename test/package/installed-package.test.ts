// The package as users get it: packed with `npm pack`, installed into a fresh project, used
// from there (ESM, require, npx, i18next, TypeScript, a bundler), and the README's examples run
// against it.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeKinds } from '../../src/catalog/text-kinds.ts';
import { describe as describeCode } from '../../src/index.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { deliveryReport, recipientBlock } from '../helpers/delivery-report.ts';
import { enhancedText, type LocaleJson, localeFile, localeFiles } from '../helpers/locale-files.ts';
import { filesHolding, type PackReport, packDryRun, sampleTexts } from '../helpers/package-contents.ts';
import { projectRoot } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

const exec = promisify(execFile);

const work = mkdtempSync(join(tmpdir(), 'smtp-status-i18n-pack-'));
const app = join(work, 'app');
let packedFiles: string[] = [];
/** The tarball as `npm pack --dry-run --json` reports it. */
let report: PackReport = { packed: 0, unpacked: 0, files: [] };

/** Runs a command; resolves with its output (rejects with it on a non-zero exit). */
async function sh(command: string, cwd = app, env: NodeJS.ProcessEnv = {}) {
  return exec('bash', ['-c', command], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
}

function versionOf(name: string): string {
  return JSON.parse(readFileSync(join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** Writes a file into the test project and runs it with node; resolves with its stdout. */
async function node(name: string, source: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  writeFileSync(join(app, name), source);
  return (await sh(`node ${name}`, app, env)).stdout;
}

beforeAll(async () => {
  await sh('npm run build --silent', projectRoot);
  const { stdout } = await sh(`npm pack --ignore-scripts --json --pack-destination ${work}`, projectRoot);
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error('npm pack gave no tarball');
  packedFiles = packed.files.map((file) => file.path).sort();
  report = packDryRun(projectRoot);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const peers = ['i18next', 'i18next-resources-to-backend', 'nodemailer'].map((name) => `${name}@${versionOf(name)}`);
  await sh(
    `npm install --prefer-offline --no-audit --no-fund --ignore-scripts ${join(work, packed.filename)} ${peers.join(' ')}`,
  );
}, timeouts.install);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const french550 = localeFile('fr').codes.MailboxUnavailable;
// What `smtp-status 550 --lang fr` prints: the reason (550 has no row in
// docs/project/reason-rules/reply-codes.md: unknown) and the description, tab-separated.
const french550Line = `unknown\t${french550}\n`;

/** The installed package's folder. */
const installed = () => join(app, 'node_modules/smtp-status-i18n');
/** The kinds of text that ship as parts of their own, beside the codes' part (src/catalog/text-kinds.ts). */
const ownParts = localeKinds.filter((kind) => kind.module === 'own').map((kind) => kind.name);

/**
 * The modules a shipped file loads when imported, itself included (static imports, followed),
 * the packages and built-ins it imports, and the `import()`s found on the way (not followed).
 */
function moduleGraph(file: string): { files: string[]; packages: string[]; dynamic: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const dynamic = new Set<string>();
  const visit = (path: string) => {
    if (files.has(path)) return;
    files.add(path);
    const code = readFileSync(join(installed(), path), 'utf8');
    // Statements at a line's start or after a `;` or `}` (the files only Node runs are minified).
    for (const [, specifier = ''] of code.matchAll(
      /(?:^|[;}])[ \t]*(?:import|export)\s*(?:[\w*{][^;]*?\bfrom\s*)?["']([^"']+)["']/gmu,
    )) {
      if (specifier.startsWith('.')) visit(join(dirname(path), specifier));
      else packages.add(specifier);
    }
    for (const [, specifier = ''] of code.matchAll(/\bimport\("([^"]+)"\)/gu))
      dynamic.add(join(dirname(path), specifier));
  };
  visit(file);
  return { files: [...files].sort(), packages: [...packages].sort(), dynamic: [...dynamic].sort() };
}

describe('the tarball', () => {
  it('holds the compiled code with declarations, the locales, their schema, README and LICENSE; no sources, maps, tests, docs or scripts', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'SECURITY.md', 'package.json']));
    const entries = ['index', 'core', 'lite', 'i18next', 'i18next-all', 'server', 'bounce'];
    for (const entry of [...entries, 'locales/index', 'locales/fr', 'locales/fr.codes']) {
      expect(packedFiles).toEqual(expect.arrayContaining([`dist/${entry}.js`, `dist/${entry}.d.ts`]));
    }
    // The other parts of a language ship as JSON alone (no module wrapping each).
    expect(packedFiles).not.toContain('dist/locales/fr.enhanced.js');
    // The bin is run, never imported: no declarations.
    expect(packedFiles).toContain('dist/cli.js');
    expect(packedFiles).not.toContain('dist/cli.d.ts');
    expect(packedFiles).toEqual(
      expect.arrayContaining(['dist/locales/fr.codes.json', 'dist/locales/fr.reasons.json', 'dist/locale.schema.json']),
    );
    // What `smtp-status serve` and `smtp-status bounce` load; the Workers bundle is for deploying from the repository.
    expect(packedFiles).toEqual(expect.arrayContaining(['dist/server/serve-node.js', 'dist/cli/bounce.js']));
    expect(packedFiles.filter((path) => path.startsWith('dist/worker.'))).toEqual([]);
    const unexpected = packedFiles.filter(
      (path) => !/^(dist\/|LICENSE$|README\.md$|SECURITY\.md$|package\.json$)/u.test(path),
    );
    expect(unexpected).toEqual([]);
    // No source maps (they would point at sources the package does not ship), and nothing asks for one.
    expect(packedFiles.filter((path) => /\.map$|\.ts$/u.test(path) && !path.endsWith('.d.ts'))).toEqual([]);
    for (const path of packedFiles.filter((file) => file.endsWith('.js'))) {
      expect(readFileSync(join(installed(), path), 'utf8'), path).not.toContain('sourceMappingURL');
    }
  });

  it('its declarations parse with TypeScript before 5.6: no string export name (the "module.exports" one is runtime only)', () => {
    const declarations = packedFiles.filter((path) => path.endsWith('.d.ts'));
    expect(declarations.length).toBeGreaterThan(30);
    for (const path of declarations) {
      expect(readFileSync(join(installed(), path), 'utf8'), path).not.toMatch(/\bas\s+['"]/u);
    }
    expect(readFileSync(join(installed(), 'dist/locales/fr.js'), 'utf8')).toContain("as 'module.exports'");
  });

  it("ships only the declarations a user's TypeScript reaches from the exports' types", () => {
    const manifest = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
    };
    const declarations = packedFiles.filter((path) => path.endsWith('.d.ts'));
    const reached = new Set<string>();
    const visit = (path: string) => {
      if (reached.has(path)) return;
      reached.add(path);
      const code = readFileSync(join(installed(), path), 'utf8');
      for (const [, specifier = ''] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/gu)) {
        visit(join(dirname(path), specifier.replace(/\.js$/u, '.d.ts')));
      }
    };
    for (const target of Object.values(manifest.exports)) {
      const types = typeof target === 'string' ? undefined : target.types?.replace(/^\.\//u, '');
      if (types === undefined) continue;
      const [before = '', after = ''] = types.split('*');
      const matching = types.includes('*')
        ? declarations.filter((path) => path.startsWith(before) && path.endsWith(after))
        : [types];
      for (const path of matching) visit(path);
    }
    expect(declarations.filter((path) => !reached.has(path))).toEqual([]);
    expect([...reached].filter((path) => !declarations.includes(path))).toEqual([]);
    // The walk itself finds what the types need: the server's options and the catalog's shapes.
    expect(reached).toContain('dist/server/handler-types.d.ts');
    // Not the service's wiring, which imports Hono (bundled, no dependency).
    expect(reached).not.toContain('dist/server/app.d.ts');
    expect(reached).toContain('dist/catalog/types.d.ts');
    expect(reached).not.toContain('dist/server/openapi.d.ts');
  });

  it('holds no test, script, docs source, fixture or benchmark, at any depth', () => {
    const forbidden =
      /(^|\/)(tests?|__tests__|fixtures?|scripts|docs|bench|coverage)\/|\.(test|spec|test-d)\.[cm]?[jt]s$|\.tsbuildinfo$|(^|\/)\.|\.md$/u;
    const allowed = new Set(['README.md', 'SECURITY.md']);
    expect(packedFiles.filter((path) => forbidden.test(path) && !allowed.has(path))).toEqual([]);
    // The check itself catches what it is for.
    for (const path of [
      'test/x.test.ts',
      'dist/fixtures/a.md',
      'scripts/build-dist.ts',
      'docs/upstream/fr.md',
      'locales/README.md',
    ]) {
      expect(forbidden.test(path), path).toBe(true);
    }
  });

  it('holds no duplicate: every file differs from every other', () => {
    const seen = new Map<string, string>();
    for (const path of packedFiles) {
      const content = readFileSync(join(installed(), path), 'utf8');
      expect(seen.get(content), `${path} repeats ${seen.get(content)}`).toBeUndefined();
      seen.set(content, path);
    }
  });

  it('each language ships once, as its JSON parts: other tools read them, every shipped module imports them', () => {
    for (const locale of localeFiles) {
      expect(filesHolding(report, installed(), locale), locale.lang).toEqual(
        ['codes', ...ownParts].sort().map((part) => `dist/locales/${locale.lang}.${part}.json`),
      );
    }
    // The check itself finds a language where it is: the README quotes French.
    expect(sampleTexts(localeFile('fr')).length).toBeGreaterThanOrEqual(4);
  });

  it('ships each repository locale (locales/<lang>.json) as its parts, which put together give its texts, without indentation', () => {
    const shipped = (path: string) => readFileSync(join(installed(), 'dist', path), 'utf8');
    for (const { $comment, files, errata, ...texts } of localeFiles as (LocaleJson & Record<string, unknown>)[]) {
      const { $comment: codesComment, ...codes } = JSON.parse(shipped(`locales/${texts.lang}.codes.json`));
      const joined = {
        ...codes,
        ...Object.fromEntries(
          ownParts.map((part) => [part, JSON.parse(shipped(`locales/${texts.lang}.${part}.json`))]),
        ),
      };
      expect(joined, texts.lang).toEqual(texts);
      expect(codesComment, texts.lang).toMatch(/^Generated by scripts\/build-locales\.ts from docs\/upstream\//u);
    }
    const schemaText = shipped('locale.schema.json');
    expect(JSON.parse(schemaText)).toEqual(
      JSON.parse(readFileSync(join(projectRoot, 'locales', 'locale.schema.json'), 'utf8')),
    );
    for (const path of packedFiles.filter((file) => file.endsWith('.json') && file !== 'package.json'))
      expect(readFileSync(join(installed(), path), 'utf8'), path).not.toMatch(/\n\s/u);
  });

  it('is at most 240 kB packed and 800 kB unpacked (npm pack --dry-run --json), as BENCHMARKS.md says', () => {
    // The language data is most of it, once (~310 kB, BENCHMARKS.md, "Package").
    expect(report.packed).toBeLessThanOrEqual(240_000);
    expect(report.unpacked).toBeLessThanOrEqual(800_000);
    expect(report.files.map((file) => file.path).sort()).toEqual(packedFiles);
    // The figures BENCHMARKS.md (and the README, quoting it) give are this tarball's, within 3%:
    // regenerate them with `npm run bench:package` when what ships changes.
    const said = /\*\*([\d.]+) kB packed\*\* and \*\*([\d.]+) kB unpacked\*\*/u.exec(
      readFileSync(join(projectRoot, 'BENCHMARKS.md'), 'utf8'),
    );
    expect(Number(said?.[1]) * 1000).toBeGreaterThan(report.packed * 0.97);
    expect(Number(said?.[1]) * 1000).toBeLessThan(report.packed * 1.03);
    expect(Number(said?.[2]) * 1000).toBeGreaterThan(report.unpacked * 0.97);
    expect(Number(said?.[2]) * 1000).toBeLessThan(report.unpacked * 1.03);
  });

  it('entries import no package but postal-mime (bounce reading); the language data is loaded, never bundled', () => {
    const languages = localeFiles
      .flatMap((locale) => ['codes', ...ownParts].map((part) => `dist/locales/${locale.lang}.${part}.json`))
      .sort();
    const graphs = Object.fromEntries(
      ['index', 'core', 'lite', 'i18next', 'i18next-all', 'cli', 'server', 'bounce', 'cli/bounce'].map((entry) => [
        entry,
        moduleGraph(`dist/${entry}.js`),
      ]),
    );
    const packages: Record<string, string[]> = {
      cli: ['node:buffer', 'node:fs', 'node:url', 'node:util'],
      bounce: ['postal-mime'],
      'cli/bounce': ['node:fs', 'node:fs/promises', 'node:path', 'postal-mime'],
    };
    const data = (entry: string) => graphs[entry]?.files.filter((file) => /^dist\/(internal|locales)\//u.test(file));
    for (const [entry, graph] of Object.entries(graphs)) {
      expect(graph.packages, entry).toEqual(packages[entry] ?? []);
      if (['core', 'lite', 'i18next'].includes(entry)) expect(data(entry), entry).toEqual([]);
      else if (entry !== 'i18next-all') {
        expect(data(entry), entry).toEqual(['dist/internal/locale-parts.js', ...languages].sort());
      }
    }
    expect(data('i18next-all')).toEqual(expect.arrayContaining(languages));
    // The data module is private: no export reaches it.
    expect(packedFiles).toContain('dist/internal/locale-parts.js');
    // Bounce reading loads on demand, from the bounce entry.
    expect(graphs.server?.dynamic).toEqual(['dist/bounce.js']);
    expect(graphs.cli?.dynamic).toEqual(['dist/cli/bounce.js', 'dist/server.js', 'dist/server/serve-node.js']);
  });

  it('Hono is in the server alone: no other entry loads any of it, the CLI loads it only for serve', () => {
    const holds = (entry: string, pattern: RegExp) =>
      moduleGraph(`dist/${entry}.js`).files.some((file) => pattern.test(readFileSync(join(installed(), file), 'utf8')));
    // Hono is minified: found by its own words, an error of its router and a header of its Node adapter.
    const hono = /Context is not finalized/u;
    const honoNode = /x-hono-already-sent/u;
    expect(holds('server', hono)).toBe(true);
    expect(holds('server/serve-node', honoNode)).toBe(true);
    for (const entry of ['index', 'core', 'lite', 'i18next', 'i18next-all', 'cli', 'bounce', 'cli/bounce']) {
      expect(holds(entry, hono) || holds(entry, honoNode), entry).toBe(false);
    }
    expect(moduleGraph('dist/server/serve-node.js').packages.filter((name) => !name.startsWith('node:'))).toEqual([]);
    // Bounce reading for `smtp-status bounce` takes the explainer from the bounce entry, and holds no copy of it.
    const read = (file: string) => readFileSync(join(installed(), 'dist', file), 'utf8');
    expect(read('cli/bounce.js')).toMatch(/\bimport\s*\{\s*createBounceExplainer\s*\}\s*from\s*"\.\.\/bounce\.js";/u);
    expect(read('cli/bounce.js')).not.toMatch(/PostalMime|class Hono/u);
  });
});

describe('installed from the tarball', () => {
  it(
    'imports as ESM, every entry',
    async () => {
      const out = await node(
        'esm.mjs',
        [
          "import { describe } from 'smtp-status-i18n';",
          "import * as core from 'smtp-status-i18n/core';",
          "import * as lite from 'smtp-status-i18n/lite';",
          "import fr from 'smtp-status-i18n/locales/fr';",
          "import frCodes from 'smtp-status-i18n/locales/fr.codes';",
          "import frEnhanced from 'smtp-status-i18n/locales/fr.enhanced.json' with { type: 'json' };",
          "import frJson from 'smtp-status-i18n/locales/fr.codes.json' with { type: 'json' };",
          "import schema from 'smtp-status-i18n/locale.schema.json' with { type: 'json' };",
          "if (fr.enhanced !== frEnhanced || fr.codes !== frCodes.codes) throw new Error('fr is not its parts');",
          'core.registerLocale(fr);',
          'lite.registerLocale(frCodes);',
          "console.log(JSON.stringify([describe(550, 'fr'), core.describe(550, 'fr'), frJson.codes.MailboxUnavailable, typeof schema.$schema, core.describe('550 5.1.1 x', 'fr'), lite.describe(550, 'fr-CA')]));",
        ].join('\n'),
      );
      const french511 = enhancedText('fr', '5.1.1');
      expect(JSON.parse(out)).toEqual([french550, french550, french550, 'string', french511, french550]);
    },
    timeouts.processes,
  );

  it(
    'reads a bounce with the bounce entry and its dependency, postal-mime, installed with it',
    async () => {
      const report = deliveryReport(recipientBlock('a@example.net'), '\r\n');
      const out = await node(
        'bounce.mjs',
        [
          "import { explainBounce } from 'smtp-status-i18n/bounce';",
          `const report = await explainBounce(${JSON.stringify(report)}, 'fr');`,
          'console.log(JSON.stringify([report.recipients[0].recipient, report.recipients[0].enhanced.text]));',
        ].join('\n'),
      );
      expect(JSON.parse(out)).toEqual(['a@example.net', enhancedText('fr', '5.1.1')]);
    },
    timeouts.processes,
  );

  it(
    'keeps the build internals private: locales/ holds the loaders and one module per language with its parts (codes, enhanced, cause and reason texts)',
    async () => {
      const out = await node(
        'private.mjs',
        [
          "for (const path of ['smtp-status-i18n/internal/locale-parts', 'smtp-status-i18n/dist/internal/all-locales.js']) {",
          '  await import(path).then(() => console.log(path, "imported"), (error) => console.log(error.code));',
          '}',
        ].join('\n'),
      );
      expect(out).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED\nERR_PACKAGE_PATH_NOT_EXPORTED\n');
      const shipped = readdirSync(join(app, 'node_modules', 'smtp-status-i18n', 'dist', 'locales')).filter((name) =>
        name.endsWith('.js'),
      );
      // Per language, the whole and the codes' half (`/lite`); the other parts ship as JSON alone.
      const expected = localeFiles.flatMap((locale) => [`${locale.lang}.js`, `${locale.lang}.codes.js`]);
      expected.push('index.js');
      expect(shipped.sort()).toEqual(expected.sort());
    },
    timeouts.processes,
  );

  it(
    'loads with require() from CommonJS (Node ≥ 20.19)',
    async () => {
      const out = await node(
        'cjs.cjs',
        [
          "const { describe, SmtpStatusCode } = require('smtp-status-i18n');",
          "const core = require('smtp-status-i18n/core');",
          "const lite = require('smtp-status-i18n/lite');",
          "core.registerLocale(require('smtp-status-i18n/locales/fr'));",
          "lite.registerLocale(require('smtp-status-i18n/locales/fr.codes'));",
          "const { localeLoaders } = require('smtp-status-i18n/locales');",
          "localeLoaders.fr().then((fr) => console.log(JSON.stringify([describe(SmtpStatusCode.MailboxUnavailable, 'fr'), core.describe(550, 'fr'), core.explain('452 4.2.2 x', 'fr').enhanced.source, lite.describe(550, 'fr'), fr === require('smtp-status-i18n/locales/fr')])));",
        ].join('\n'),
      );
      expect(JSON.parse(out)).toEqual([french550, french550, 'registry', french550, true]);
    },
    timeouts.processes,
  );

  it(
    "runs the README's first command in the repository itself: npx finds the built bin (the one npx test)",
    async () => {
      expect((await sh('npx --no smtp-status 550 --lang fr', projectRoot)).stdout).toBe(french550Line);
    },
    timeouts.processes,
  );

  it(
    'runs the installed bin, under the package name (what npx runs from an empty folder) and the short one, with exit 2 for what is not a code',
    async () => {
      expect((await sh('npx --no smtp-status-i18n 550 --lang fr')).stdout).toBe(french550Line);
      expect((await sh('node_modules/.bin/smtp-status-i18n 550 --lang fr')).stdout).toBe(french550Line);
      expect((await sh('node_modules/.bin/smtp-status 550 --lang fr')).stdout).toBe(french550Line);
      const failed = await sh('node_modules/.bin/smtp-status 999; echo "exit $?"');
      expect(failed.stdout).toBe('exit 2\n');
      expect(failed.stderr).toMatch(/^smtp-status: Not an SMTP status code: 999 /mu);
    },
    timeouts.processes,
  );

  it(
    'gives i18next the catalog through the i18next entry',
    async () => {
      const out = await node(
        'i18n.mjs',
        [
          "import i18next from 'i18next';",
          "import { addSmtpResources } from 'smtp-status-i18n/i18next/all';",
          "await i18next.init({ fallbackLng: 'en' });",
          'addSmtpResources(i18next);',
          "console.log(i18next.t('smtp:550', { lng: 'fr-CA' }));",
        ].join('\n'),
      );
      expect(out).toBe(`${french550}\n`);
    },
    timeouts.processes,
  );

  it(
    'type-checks in a TypeScript project (nodenext, skipLibCheck off, only its dependencies installed): its types take a plain string and reject a boolean',
    async () => {
      writeFileSync(
        join(app, 'check.ts'),
        [
          "import { describe, SmtpStatusCode, type Explanation, type SmtpStatusName } from 'smtp-status-i18n';",
          "import { createCatalog, registerLocale } from 'smtp-status-i18n/core';",
          "import * as lite from 'smtp-status-i18n/lite';",
          "import { addSmtpResources } from 'smtp-status-i18n/i18next';",
          "import { localeLoaders } from 'smtp-status-i18n/locales';",
          "import fr from 'smtp-status-i18n/locales/fr';",
          "import { explainBounce } from 'smtp-status-i18n/bounce';",
          "import { createHandler, handler, type FetchHandler } from 'smtp-status-i18n/server';",
          '// The service bundles Hono (no dependency): its types compile where Hono is not installed.',
          'export const served: FetchHandler = createHandler(createCatalog([fr]), { onError: () => undefined });',
          "export const answer: Promise<Response> = handler(new Request('http://localhost/v1/codes/550'));",
          "export const bounce: Promise<unknown> = explainBounce('From: a@b.c', 'fr');",
          "export const loader: (() => Promise<import('smtp-status-i18n/core').LocaleData>) | undefined = localeLoaders['fr'];",
          'addSmtpResources({ addResourceBundle: () => undefined }, { locales: [fr] });',
          '// @ts-expect-error: the lean i18next entry needs the locales',
          'addSmtpResources({ addResourceBundle: () => undefined }, {});',
          'registerLocale(fr);',
          "const text: string = describe(SmtpStatusCode.MailboxBusy, ['fr']);",
          'export const explained: Explanation | string = text;',
          'export const add: typeof addSmtpResources = addSmtpResources;',
          '// A plain string (what error.response is) compiles: describe checks it at run time.',
          "const response: string = '550 5.1.1 User unknown';",
          "export const fromString: string = describe(response, 'fr');",
          '// @ts-expect-error: a boolean is no code',
          'describe(true);',
          "// @ts-expect-error: 'Mailbox' is not a member name",
          "export const name: SmtpStatusName = 'Mailbox';",
          "export const liteText: string = lite.describe('MailboxBusy', ['fr']);",
          '// @ts-expect-error: /lite takes codes, not replies',
          "lite.describe('550 5.1.1 User unknown');",
        ].join('\n'),
      );
      writeFileSync(
        join(app, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { module: 'nodenext', strict: true, noEmit: true, types: [], skipLibCheck: false },
          files: ['check.ts'],
        }),
      );
      const tsc = join(projectRoot, 'node_modules', '.bin', 'tsc');
      await expect(sh(`${tsc} -p tsconfig.json`)).resolves.toMatchObject({ stdout: '' });
    },
    timeouts.typeCheck,
  );

  it(
    'bundles with esbuild: what is imported works, a bare import adds nothing (sideEffects: false)',
    async () => {
      const bundle = async (contents: string) => {
        const result = await build({
          stdin: { contents, resolveDir: app },
          bundle: true,
          format: 'esm',
          platform: 'neutral',
          charset: 'utf8',
          write: false,
          logLevel: 'silent',
        });
        return result.outputFiles[0]?.text ?? '';
      };
      const used = await bundle("import { describe } from 'smtp-status-i18n';\nconsole.log(describe(550, 'fr'));");
      expect(await node('bundle.mjs', used)).toBe(`${french550}\n`);
      for (const entry of ['smtp-status-i18n', 'smtp-status-i18n/core', 'smtp-status-i18n/lite']) {
        const bare = await bundle(`import '${entry}';`);
        expect(bare, entry).not.toContain('MailboxUnavailable');
        expect(bare, entry).not.toContain('new Map');
      }
    },
    timeouts.bundle,
  );
});

/** The README's code blocks of one language, with the line each starts on. */
function readmeBlocks(language: string): { line: number; code: string }[] {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const blocks: { line: number; code: string }[] = [];
  for (const match of readme.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gmu'))) {
    blocks.push({ line: readme.slice(0, match.index).split('\n').length, code: match[1] ?? '' });
  }
  return blocks;
}

/**
 * A README example as a module that checks itself: `expr; // → value` becomes an assertion,
 * and the module prints how many assertions ran (so one skipped by a branch fails the test).
 */
function checkedExample(code: string): { source: string; checks: number; commonjs: boolean } {
  let checks = 0;
  const body = code.replace(/^(\s*)(.+?);\s*\/\/ → (.+)$/gmu, (_, indent: string, actual: string, expected: string) => {
    checks++;
    return `${indent}__check(${actual}, ${expected}, ${JSON.stringify(actual)});`;
  });
  const commonjs = /\brequire\(/u.test(code);
  const prelude = [
    commonjs ? "const __assert = require('node:assert/strict');" : "import __assert from 'node:assert/strict';",
    'let __ran = 0;',
    'const __check = (actual, expected, what) => { __assert.deepStrictEqual(actual, expected, what); __ran++; };',
  ].join('\n');
  return { source: `${prelude}\n${body}\nconsole.log(__ran);\n`, checks, commonjs };
}

describe('the README examples, run against the installed package', () => {
  let server: SMTPServer | undefined;
  let smtpUrl = '';

  beforeAll(async () => {
    // A local server that knows no recipient: the nodemailer example gets a real 550.
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const error = Object.assign(new Error(`5.1.1 <${address.address}>: user unknown`), { responseCode: 550 });
        callback(error);
      },
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  }, timeouts.processes);

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  const jsBlocks = readmeBlocks('js');

  it('has examples to run, one of them CommonJS', () => {
    expect(jsBlocks.length).toBeGreaterThanOrEqual(6);
    expect(jsBlocks.filter(({ code }) => checkedExample(code).commonjs)).toHaveLength(1);
  });

  it.each(jsBlocks)(
    'the js example at README line $line runs and every "// →" holds',
    async ({ line, code }) => {
      const { source, checks, commonjs } = checkedExample(code);
      expect(checks, 'an example without a checked result').toBeGreaterThan(0);
      const file = `readme-${line}.${commonjs ? 'cjs' : 'mjs'}`;
      expect(await node(file, source, { SMTP_URL: smtpUrl })).toBe(`${checks}\n`);
    },
    timeouts.processes,
  );

  it.each(readmeBlocks('console'))(
    'the console example at README line $line prints what it shows',
    async ({ code }) => {
      const steps = code.split(/^\$ /mu).filter(Boolean);
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        const [command = '', ...output] = step.split('\n');
        // The installed bin itself: what `npx smtp-status` runs, without npx's own start-up.
        const direct = command.replaceAll('npx smtp-status', 'node_modules/.bin/smtp-status');
        expect(direct, command).not.toMatch(/\bnpx\b/u);
        expect((await sh(direct)).stdout, command).toBe(output.join('\n'));
      }
    },
    timeouts.processes,
  );
});

describe('in the browser: the lazy-loading recipe built with Vite, served on 127.0.0.1, run in Chromium', () => {
  const site = join(app, 'site');
  const out = join(site, 'dist');
  let server: Server | undefined;
  let browser: Browser | undefined;
  let base = '';
  /** Each language's texts that the page may show, as they appear in built code. */
  const samples = () =>
    localeFiles.map((locale) => ({
      lang: locale.lang,
      texts: [locale.codes.MailboxUnavailable, locale.generic?.['5xx'], locale.enhanced?.['X.2.2']]
        .filter((text): text is string => text !== undefined)
        .map((text) => JSON.stringify(text).slice(1, -1)),
    }));
  const languagesIn = (code: string) =>
    samples()
      .filter(({ texts }) => texts.some((text) => code.includes(text)))
      .map(({ lang }) => lang);

  beforeAll(async () => {
    mkdirSync(site, { recursive: true });
    writeFileSync(
      join(site, 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"><title>smtp</title><link rel="icon" href="data:,"></head><body><output id="out"></output><script type="module" src="./main.js"></script></body></html>\n',
    );
    // The README's recipe; the page's language comes from its URL, and no fallback language
    // is loaded, so the network log shows the chunks of one language.
    writeFileSync(
      join(site, 'main.js'),
      [
        "import i18next from 'i18next';",
        "import resourcesToBackend from 'i18next-resources-to-backend';",
        "import { smtpNamespace, toI18nextBundle } from 'smtp-status-i18n/i18next';",
        "import { localeLoaders } from 'smtp-status-i18n/locales';",
        '',
        "const lng = new URLSearchParams(location.search).get('lng') ?? 'en';",
        'await i18next',
        '  .use(',
        '    resourcesToBackend(async (lng, ns) => {',
        '      const load = ns === smtpNamespace ? localeLoaders[lng] : undefined;',
        '      return load ? toI18nextBundle(await load()) : {};',
        '    }),',
        '  )',
        "  .init({ lng, fallbackLng: false, ns: [smtpNamespace], load: 'languageOnly' });",
        "document.querySelector('#out').textContent = JSON.stringify(['550', '571', '4_2_2'].map((key) => i18next.t('smtp:' + key)));",
      ].join('\n'),
    );
    const { build: viteBuild } = await import('vite');
    await viteBuild({ root: site, logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const file = join(out, path === '/' ? 'index.html' : path);
      if (!file.startsWith(out) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
      response.writeHead(200, { 'Content-Type': type }).end(readFileSync(file));
    });
    const listening = server;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, timeouts.bundle + timeouts.browser);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }, timeouts.browser);

  /** The page in one language: what it shows, and the scripts it fetched (paths). */
  async function visit(lng: string): Promise<{ shown: string[]; scripts: string[]; errors: string[] }> {
    if (browser === undefined) throw new Error('Chromium did not start');
    const context = await browser.newContext();
    const page = await context.newPage();
    const scripts: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${base}/?lng=${lng}`);
    await page.waitForFunction("document.querySelector('#out')?.textContent !== ''", undefined, {
      timeout: timeouts.firstSign,
    });
    const shown = JSON.parse((await page.textContent('#out')) ?? '[]') as string[];
    await context.close();
    return { shown, scripts, errors };
  }

  it('the build gives each language chunks of its own; the entry chunk holds no language', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const entry = /src="\/(assets\/[^"]+\.js)"/u.exec(html)?.[1] ?? '';
    expect(entry).toMatch(/\.js$/u);
    expect(languagesIn(readFileSync(join(out, entry), 'utf8'))).toEqual([]);
    const chunks = readdirSync(join(out, 'assets')).filter((name) => name.endsWith('.js'));
    for (const lang of localeFiles.map((locale) => locale.lang)) {
      const holding = chunks.filter((name) =>
        languagesIn(readFileSync(join(out, 'assets', name), 'utf8')).includes(lang),
      );
      expect(holding.length, lang).toBeGreaterThan(0);
      for (const name of holding) {
        expect(languagesIn(readFileSync(join(out, 'assets', name), 'utf8')), name).toEqual([lang]);
      }
    }
  });

  it.each(['fr', 'ar'])(
    "%s: the page shows its texts and fetches that language's chunks alone",
    async (lng) => {
      const { shown, scripts, errors } = await visit(lng);
      expect(errors).toEqual([]);
      expect(shown).toEqual([describeCode(550, lng), describeCode(571, lng), describeCode('452 4.2.2 x', lng)]);
      const fetched = scripts.flatMap((path) => languagesIn(readFileSync(join(out, path), 'utf8')));
      expect([...new Set(fetched)]).toEqual([lng]);
      expect(scripts.length).toBeGreaterThan(1);
    },
    timeouts.browser,
  );
});
