// The package as users get it: packed with `npm pack`, installed into a fresh project, used
// from there (ESM, require, npx, i18next, TypeScript, a bundler), and the README's examples run
// against it.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enhancedText, localeFile, localeFiles } from '../helpers/locale-files.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

const exec = promisify(execFile);

// Time for a test that starts processes (node, tsc, npx) on a slow, shared 2-core machine: one
// such process takes 0.2–2 s there, and these tests start up to seven.
const processes = 90_000;
const work = mkdtempSync(join(tmpdir(), 'smtp-status-i18n-pack-'));
const app = join(work, 'app');
let packedFiles: string[] = [];

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
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  const peers = ['i18next', 'i18next-resources-to-backend', 'nodemailer'].map((name) => `${name}@${versionOf(name)}`);
  await sh(
    `npm install --prefer-offline --no-audit --no-fund --ignore-scripts ${join(work, packed.filename)} ${peers.join(' ')}`,
  );
}, 240_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const french550 = localeFile('fr').codes.MailboxUnavailable;

describe('the tarball', () => {
  it('holds the compiled code with declarations and maps, the locales, their schema, README and LICENSE; no tests, docs or scripts', () => {
    expect(packedFiles).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'SECURITY.md', 'package.json']));
    // The entries are bundles (one file each); the languages are modules of their own.
    for (const entry of ['index', 'core', 'lite', 'i18next', 'cli', 'server', 'locales/fr', 'locales/fr.enhanced']) {
      expect(packedFiles).toEqual(
        expect.arrayContaining([`dist/${entry}.js`, `dist/${entry}.d.ts`, `dist/${entry}.js.map`]),
      );
    }
    expect(packedFiles).toEqual(expect.arrayContaining(['locales/fr.json', 'locales/locale.schema.json']));
    // What `smtp-status serve` loads; the Workers bundle is for deploying from the repository.
    expect(packedFiles).toContain('dist/server/serve-node.js');
    expect(packedFiles.filter((path) => path.startsWith('dist/worker.'))).toEqual([]);
    const unexpected = packedFiles.filter(
      (path) => !/^(dist\/|locales\/|LICENSE$|README\.md$|SECURITY\.md$|package\.json$)/u.test(path),
    );
    expect(unexpected).toEqual([]);
    expect(packedFiles.filter((path) => /^(test|docs|scripts|src)\//u.test(path))).toEqual([]);
  });

  it('each entry is one self-contained file: no import of a package, only Node builtins for the CLI', () => {
    for (const entry of ['index', 'core', 'lite', 'i18next', 'cli', 'server']) {
      const code = readFileSync(join(app, 'node_modules/smtp-status-i18n/dist', `${entry}.js`), 'utf8');
      const imports = [...code.matchAll(/^import\s.*?from\s*["']([^"']+)["']/gmu)].map((match) => match[1]);
      expect(
        imports.filter((specifier) => !specifier?.startsWith('node:')),
        entry,
      ).toEqual([]);
      if (entry !== 'cli') expect(imports, entry).toEqual([]);
    }
  });

  it('Hono is bundled into the server alone: the other entries hold none of it, the CLI imports it only for serve', () => {
    const read = (file: string) => readFileSync(join(app, 'node_modules/smtp-status-i18n/dist', file), 'utf8');
    expect(read('server.js')).toContain('class Hono');
    expect(read('server/serve-node.js')).toContain('getRequestListener');
    for (const entry of ['index', 'core', 'lite', 'i18next', 'cli']) {
      expect(read(`${entry}.js`), entry).not.toMatch(/class Hono|getRequestListener/u);
    }
    expect([...read('cli.js').matchAll(/\bimport\("([^"]+)"\)/gu)].map((match) => match[1])).toEqual([
      './server/serve-node.js',
      './server.js',
    ]);
    const serveImports = [...read('server/serve-node.js').matchAll(/^import\s.*?from\s*["']([^"']+)["']/gmu)];
    expect(serveImports.map((match) => match[1]).filter((specifier) => !specifier?.startsWith('node:'))).toEqual([]);
  });

  it('source maps carry their sources, since src/ does not ship', () => {
    const map = JSON.parse(readFileSync(join(app, 'node_modules/smtp-status-i18n/dist/index.js.map'), 'utf8'));
    const index = map.sources.findIndex((source: string) => source.endsWith('src/index.ts'));
    expect(map.sourcesContent?.[index]).toContain('createPackedCatalog(packedLocales)');
    expect(map.sources.length).toBe(map.sourcesContent.length);
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
          "import frEnhanced from 'smtp-status-i18n/locales/fr.enhanced';",
          "import frJson from 'smtp-status-i18n/locales/fr.json' with { type: 'json' };",
          "import schema from 'smtp-status-i18n/locale.schema.json' with { type: 'json' };",
          'core.registerLocale({ ...fr, enhanced: frEnhanced });',
          'lite.registerLocale(fr);',
          "console.log(JSON.stringify([describe(550, 'fr'), core.describe(550, 'fr'), frJson.codes.MailboxUnavailable, typeof schema.$schema, core.describe('550 5.1.1 x', 'fr'), lite.describe(550, 'fr-CA')]));",
        ].join('\n'),
      );
      const french511 = enhancedText('fr', '5.1.1');
      expect(JSON.parse(out)).toEqual([french550, french550, french550, 'string', french511, french550]);
    },
    processes,
  );

  it(
    'keeps the build internals private: locales/ holds one module per language, its enhanced and its cause texts',
    async () => {
      const out = await node(
        'private.mjs',
        [
          "for (const path of ['smtp-status-i18n/internal/packed-locales', 'smtp-status-i18n/dist/internal/all-locales.js']) {",
          '  await import(path).then(() => console.log(path, "imported"), (error) => console.log(error.code));',
          '}',
        ].join('\n'),
      );
      expect(out).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED\nERR_PACKAGE_PATH_NOT_EXPORTED\n');
      const shipped = readdirSync(join(app, 'node_modules', 'smtp-status-i18n', 'dist', 'locales')).filter((name) =>
        name.endsWith('.js'),
      );
      const expected = localeFiles.flatMap((locale) => [
        `${locale.lang}.js`,
        ...(locale.enhanced ? [`${locale.lang}.enhanced.js`] : []),
        ...(locale.causes ? [`${locale.lang}.causes.js`] : []),
      ]);
      expect(shipped.sort()).toEqual(expected.sort());
    },
    processes,
  );

  it(
    'loads with require() from CommonJS (Node ≥ 20.19)',
    async () => {
      const out = await node(
        'cjs.cjs',
        "const { describe, SmtpStatusCode } = require('smtp-status-i18n');\nconsole.log(describe(SmtpStatusCode.MailboxUnavailable, 'fr'));",
      );
      expect(out).toBe(`${french550}\n`);
    },
    processes,
  );

  it(
    "runs the README's first command in the repository itself: npx finds the built bin (the one npx test)",
    async () => {
      expect((await sh('npx --no smtp-status 550 --lang fr', projectRoot)).stdout).toBe(`${french550}\n`);
    },
    processes,
  );

  it(
    'runs the installed bin, with exit 2 for what is not a code',
    async () => {
      expect((await sh('node_modules/.bin/smtp-status 550 --lang fr')).stdout).toBe(`${french550}\n`);
      const failed = await sh('node_modules/.bin/smtp-status 999; echo "exit $?"');
      expect(failed.stdout).toBe('exit 2\n');
      expect(failed.stderr).toMatch(/^smtp-status: Not an SMTP status code: 999 /mu);
    },
    processes,
  );

  it(
    'gives i18next the catalog through the i18next entry',
    async () => {
      const out = await node(
        'i18n.mjs',
        [
          "import i18next from 'i18next';",
          "import { addSmtpResources } from 'smtp-status-i18n/i18next';",
          "await i18next.init({ fallbackLng: 'en' });",
          'addSmtpResources(i18next);',
          "console.log(i18next.t('smtp:550', { lng: 'fr-CA' }));",
        ].join('\n'),
      );
      expect(out).toBe(`${french550}\n`);
    },
    processes,
  );

  it(
    'type-checks in a TypeScript project (nodenext), and its types reject a wrong member name',
    async () => {
      writeFileSync(
        join(app, 'check.ts'),
        [
          "import { describe, SmtpStatusCode, type Explanation } from 'smtp-status-i18n';",
          "import { registerLocale } from 'smtp-status-i18n/core';",
          "import * as lite from 'smtp-status-i18n/lite';",
          "import { addSmtpResources } from 'smtp-status-i18n/i18next';",
          "import fr from 'smtp-status-i18n/locales/fr';",
          'registerLocale(fr);',
          "const text: string = describe(SmtpStatusCode.MailboxBusy, ['fr']);",
          'export const explained: Explanation | string = text;',
          'export const add: typeof addSmtpResources = addSmtpResources;',
          "// @ts-expect-error: 'Mailbox' is not a member name",
          "describe('Mailbox');",
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
    processes,
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
    processes,
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
function checkedExample(code: string): { source: string; checks: number } {
  let checks = 0;
  const body = code.replace(/^(\s*)(.+?);\s*\/\/ → (.+)$/gmu, (_, indent: string, actual: string, expected: string) => {
    checks++;
    return `${indent}__check(${actual}, ${expected}, ${JSON.stringify(actual)});`;
  });
  const prelude = [
    "import __assert from 'node:assert/strict';",
    'let __ran = 0;',
    'const __check = (actual, expected, what) => { __assert.deepStrictEqual(actual, expected, what); __ran++; };',
  ].join('\n');
  return { source: `${prelude}\n${body}\nconsole.log(__ran);\n`, checks };
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
  }, processes);

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  const jsBlocks = readmeBlocks('js');

  it('has examples to run', () => {
    expect(jsBlocks.length).toBeGreaterThanOrEqual(6);
  });

  it.each(jsBlocks)(
    'the js example at README line $line runs and every "// →" holds',
    async ({ line, code }) => {
      const { source, checks } = checkedExample(code);
      expect(checks, 'an example without a checked result').toBeGreaterThan(0);
      expect(await node(`readme-${line}.mjs`, source, { SMTP_URL: smtpUrl })).toBe(`${checks}\n`);
    },
    processes,
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
    processes,
  );
});
