import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as bounce from '../../src/bounce.ts';
import * as core from '../../src/core.ts';
import * as i18nextEntry from '../../src/i18next.ts';
import * as i18nextAll from '../../src/i18next-all.ts';
import * as main from '../../src/index.ts';
import * as lite from '../../src/lite.ts';
import { type LocaleJson, localeFiles } from '../helpers/locale-files.ts';
import { projectRoot } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

describe('the public API', () => {
  it('main entry exports exactly these names', () => {
    expect(Object.keys(main).sort()).toEqual([
      'SmtpStatusCode',
      'causeIds',
      'createCatalog',
      'describe',
      'describeNeutral',
      'describeReason',
      'explain',
      'explainLogLine',
      'explainRecipients',
      'fallbackLanguage',
      'languages',
      'lookup',
      'parseEnhanced',
      'parseLogLine',
      'parseReply',
      'reasonIds',
      'registerLocale',
      'safeParseReply',
      'served',
    ]);
  });

  it('the lean entry exports the same names', () => {
    expect(Object.keys(core).sort()).toEqual(Object.keys(main).sort());
  });

  it('the smallest entry exports exactly these names', () => {
    expect(Object.keys(lite).sort()).toEqual(['SmtpStatusCode', 'describe', 'registerLocale']);
  });

  it('the i18next entry exports exactly these names', () => {
    expect(Object.keys(i18nextEntry).sort()).toEqual([
      'addSmtpResources',
      'shippedLanguages',
      'smtpKey',
      'smtpNamespace',
      'smtpResources',
      'toI18nextBundle',
    ]);
  });

  it('the bounce entry exports exactly these names', () => {
    expect(Object.keys(bounce).sort()).toEqual(['bounceLimits', 'createBounceExplainer', 'explainBounce']);
  });

  it('the i18next entry with every language exports the same names', () => {
    expect(Object.keys(i18nextAll).sort()).toEqual(Object.keys(i18nextEntry).sort());
  });

  it('SmtpStatusCode has the 32 upstream members, unique values, upstream spelling kept', () => {
    const values = Object.values(main.SmtpStatusCode);
    expect(values).toHaveLength(32);
    expect(new Set(values).size).toBe(32);
    expect(main.SmtpStatusCode).toMatchObject({
      NotDefined: 0,
      GeneralFailure: -1,
      SystemStatus: 211,
      AuthenticationMechanismIsToWeak: 534,
      MailboxUnavailable: 550,
      TransactionFailed: 554,
    });
    for (const value of values.filter((value) => value > 0)) expect(value).toBeGreaterThanOrEqual(200);
  });
});

/** Every module the main entry loads, following relative imports from src/index.ts. */
function importGraph(entry: string): { files: string[]; bare: string[] } {
  const files = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    // `import type` loads nothing: TypeScript erases it.
    const source = readFileSync(file, 'utf8');
    for (const [, specifier = ''] of source.matchAll(/^(?:import|export)(?! type )[^'"]*from '([^']+)'/gmu)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/u, '.ts')));
      else bare.add(specifier);
    }
  };
  visit(entry);
  return { files: [...files], bare: [...bare] };
}

/** The given source lines bundled as a web app would be: esbuild, minified ESM, UTF-8. */
async function bundle(lines: string[]): Promise<string> {
  const result = await build({
    stdin: { contents: lines.join('\n'), resolveDir: projectRoot, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe('loading', () => {
  it.each([
    ['index.ts', []],
    ['core.ts', []],
    ['lite.ts', []],
    ['i18next.ts', []],
    ['i18next-all.ts', []],
    ['cli.ts', ['node:buffer', 'node:fs', 'node:url', 'node:util']],
    ['server.ts', ['hono/tiny']],
    ['worker.ts', ['hono/tiny']],
    ['bounce.ts', ['postal-mime']],
  ])('%s imports no package (no zod, no i18next, no markdown toolchain), only %j', (entry, builtins) => {
    const { files, bare } = importGraph(join(projectRoot, 'src', entry));
    expect(bare.sort()).toEqual(builtins);
    expect(files.length).toBeGreaterThan(2);
  });

  it.each(['index.ts', 'core.ts', 'lite.ts', 'i18next.ts', 'i18next-all.ts', 'cli.ts'])(
    '%s never loads the server: no module of src/server/ in its static imports',
    (entry) => {
      const { files } = importGraph(join(projectRoot, 'src', entry));
      const server = files.filter((file) => /[/\\]src[/\\](server[/\\]|server\.ts$|worker\.ts$)/u.test(file));
      expect(server).toEqual([]);
    },
  );

  it.each(['index.ts', 'core.ts', 'lite.ts', 'i18next.ts', 'i18next-all.ts', 'server.ts'])(
    '%s holds no MIME code: no module of src/bounces/ (but its limits, which the service documents) nor postal-mime in its static imports',
    (entry) => {
      const { files, bare } = importGraph(join(projectRoot, 'src', entry));
      const mime = files.filter((file) => /[/\\]src[/\\](bounces[/\\](?!limits\.ts$)|bounce\.ts$)/u.test(file));
      expect(mime).toEqual([]);
      expect(bare).not.toContain('postal-mime');
    },
  );

  it('code loaded only when used comes through literal import()s: the server for serve, bounce reading for bounce and POST /v1/bounces', () => {
    const importsOf = (name: string) =>
      [...readFileSync(join(projectRoot, 'src', name), 'utf8').matchAll(/\bimport\(('[^']*')\)/gu)].map(
        (match) => match[1],
      );
    expect(importsOf('cli.ts')).toEqual(["'./server/serve-node.js'", "'./server.js'"]);
    // stdin is read by its descriptor alone: no path is opened there.
    const stdin = readFileSync(join(projectRoot, 'src', 'cli', 'stdin-chunks.ts'), 'utf8');
    expect(stdin).not.toMatch(/\b(?:open|readFile|createReadStream|readdir)(?:Sync)?\(/u);
    const cli = readFileSync(join(projectRoot, 'src', 'cli.ts'), 'utf8');
    const serve = cli.slice(cli.indexOf('async serve('), cli.indexOf('\n};', cli.indexOf('async serve(')));
    expect(serve).toContain("import('./server/serve-node.js')");
    expect(importsOf(join('cli', 'run-cli.ts'))).toEqual(["'./commands/bounce.js'"]);
    expect(importsOf(join('server', 'app.ts'))).toEqual(["'../bounces/explain-bounce.js'"]);
  });

  it('entries sit on top and wire internals; no internal module imports an entry (the language loaders are public modules of src/locales)', () => {
    const top = readdirSync(join(projectRoot, 'src')).filter((name) => name.endsWith('.ts'));
    expect(top.sort()).toEqual([
      'bounce.ts',
      'cli.ts',
      'core.ts',
      'i18next-all.ts',
      'i18next.ts',
      'index.ts',
      'lite.ts',
      'server.ts',
      'worker.ts',
    ]);
    const entries = new Set(top.map((name) => join(projectRoot, 'src', name)));
    const internals = readdirSync(join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.includes('/') && name.endsWith('.ts') && name !== 'locales/index.ts')
      .map((name) => join(projectRoot, 'src', name));
    expect(internals.length).toBeGreaterThan(10);
    for (const file of internals) {
      const imported = importGraph(file).files.filter((path) => path !== file);
      expect(
        imported.filter((path) => entries.has(path)),
        file,
      ).toEqual([]);
    }
  });

  it('the main entry holds every shipped language; the lean one none until registered', () => {
    expect(main.languages()).toEqual(localeFiles.map((locale) => locale.lang).sort());
    expect(core.languages()).toEqual([]);
  });

  it.each([
    [
      'the smallest entry',
      [
        "import { describe, registerLocale } from './src/lite.ts';",
        "import fr from './src/locales/fr.ts';",
        'registerLocale(fr);',
        "console.log(describe(550, 'fr'));",
      ],
    ],
    [
      'the lean entry',
      [
        "import { describe, registerLocale } from './src/core.ts';",
        "import fr from './src/locales/fr.ts';",
        'registerLocale(fr);',
        "console.log(describe(550, 'fr'));",
      ],
    ],
    [
      'the i18next entry, loading one bundle',
      [
        "import { shippedLanguages, toI18nextBundle } from './src/i18next.ts';",
        "import fr from './src/locales/fr.ts';",
        'const bundle = toI18nextBundle(fr);',
        "console.log(shippedLanguages, bundle['550'], bundle['reason_user-unknown_admin'], bundle.cause_timeout);",
      ],
    ],
  ])(
    'a bundle of %s and French holds French text and no other language',
    async (_, lines) => {
      const text = await bundle(lines);
      const inBundle = (value: string) => text.includes(JSON.stringify(value).slice(1, -1));
      for (const locale of localeFiles) {
        const reason = locale.reasons?.['user-unknown'];
        const samples = [
          locale.codes.MailboxUnavailable,
          locale.codes.Ok,
          locale.generic?.['5xx'],
          // Reasons, their advice and causes: French alone carries French reasons alone.
          reason?.why,
          reason?.sender,
          reason?.admin,
          locale.causes?.timeout,
        ].map(String);
        for (const sample of samples) expect(inBundle(sample), `${locale.lang}: ${sample}`).toBe(locale.lang === 'fr');
      }
    },
    timeouts.bundle,
  );
});

describe('MIME code stays in the bounce entry', () => {
  // A string of postal-mime's that minifying keeps: its error for a message nested too deep.
  const mimeMarker = 'MIME nesting depth';

  it('a bundle of the bounce entry holds postal-mime (the marker is one to look for)', async () => {
    const text = await bundle(["import { explainBounce } from './src/bounce.ts';", 'console.log(explainBounce);']);
    expect(text).toContain(mimeMarker);
  }, 60_000);

  it.each([
    ['the main entry, describe alone', "import { describe } from './src/index.ts';\nconsole.log(describe);"],
    ['/core, describe alone', "import { describe } from './src/core.ts';\nconsole.log(describe);"],
    ['the main entry, every function', "import * as main from './src/index.ts';\nconsole.log(main);"],
  ])(
    '%s: no postal-mime code',
    async (_, source) => {
      const text = await bundle([source]);
      expect(text.length).toBeGreaterThan(100);
      expect(text).not.toContain(mimeMarker);
    },
    60_000,
  );
});

describe('every entry is tree-shakable: a bundle holds no language it was not given', () => {
  /** Texts of every language, from each part of it: reply codes, generic and enhanced texts. */
  const samples = localeFiles.flatMap((locale) =>
    [locale.codes.MailboxUnavailable, locale.generic?.['5xx'], locale.enhanced?.['X.2.2']]
      .filter((text): text is string => text !== undefined)
      .map((text) => ({ lang: locale.lang, text: JSON.stringify(text).slice(1, -1) })),
  );

  it.each([
    ['/core, describe alone', "import { describe } from './src/core.ts';\nconsole.log(describe);"],
    ['/core, every function', "import * as core from './src/core.ts';\nconsole.log(core);"],
    ['/lite, describe alone', "import { describe } from './src/lite.ts';\nconsole.log(describe);"],
    [
      '/i18next, its helpers',
      "import { toI18nextBundle, smtpNamespace, smtpKey } from './src/i18next.ts';\nconsole.log(toI18nextBundle, smtpNamespace, smtpKey);",
    ],
    ['/i18next, every function', "import * as i18next from './src/i18next.ts';\nconsole.log(i18next);"],
    [
      '/i18next/all, the helpers alone',
      "import { toI18nextBundle, smtpNamespace } from './src/i18next-all.ts';\nconsole.log(toI18nextBundle, smtpNamespace);",
    ],
  ])(
    '%s: no language text',
    async (_, source) => {
      const text = await bundle([source]);
      expect(text.length).toBeGreaterThan(100);
      expect(samples.filter((sample) => text.includes(sample.text)).map((sample) => sample.lang)).toEqual([]);
    },
    timeouts.bundle,
  );

  it('/i18next/all with its default holds every language, all of it', { timeout: timeouts.bundle }, async () => {
    const text = await bundle([
      "import { smtpResources } from './src/i18next-all.ts';",
      'console.log(smtpResources());',
    ]);
    expect(samples.filter((sample) => !text.includes(sample.text))).toEqual([]);
  });

  it('/core with locales/fr holds all of French (enhanced texts too) and nothing of another language', {
    timeout: timeouts.bundle,
  }, async () => {
    const text = await bundle([
      "import { explain, registerLocale } from './src/core.ts';",
      "import fr from './src/locales/fr.ts';",
      'registerLocale(fr);',
      "console.log(explain('452 4.2.2 x', 'fr'));",
    ]);
    const found = samples.filter((sample) => text.includes(sample.text));
    expect(found.map((sample) => sample.lang)).toEqual(['fr', 'fr', 'fr']);
  });
});

describe('no input names a file or a module', () => {
  it('no runtime module loads code or files by a computed path; the CLI reads only its own package.json', () => {
    const sources = readdirSync(join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.ts'),
    );
    expect(sources.length).toBeGreaterThan(10);
    for (const name of sources) {
      const source = readFileSync(join(projectRoot, 'src', name), 'utf8');
      // The literal import()s of code loaded when used are checked above; the loaders', below.
      const code =
        name === 'locales/index.ts'
          ? source.replace(/\bimport\('\.\/[a-z]{2,3}(?:-[A-Za-z0-9]+)*\.js'\)/gu, '')
          : source.replace(
              /\bimport\('(?:\.\/server(?:\/serve-node)?|\.\/commands\/bounce|\.\.\/bounces\/explain-bounce)\.js'\)/gu,
              '',
            );
      expect(code, name).not.toMatch(/\bimport\s*\(|\brequire\s*\(|\beval\s*\(|new Function\b/u);
      // The CLI, stdin by its descriptor (a file given with `<`), and what `smtp-status bounce`
      // reads (files and maildir folders named on its command line).
      const readsFiles = [
        'cli.ts',
        join('cli', 'stdin-chunks.ts'),
        join('cli', 'commands', 'bounce.ts'),
        join('bounces', 'maildir.ts'),
      ];
      if (!readsFiles.includes(name)) expect(source, name).not.toMatch(/node:fs|node:child_process|node:module/u);
    }
    const loaders = readFileSync(join(projectRoot, 'src', 'locales', 'index.ts'), 'utf8');
    expect([...loaders.matchAll(/\bimport\('\.\/([^']+)\.js'\)/gu)].map((match) => match[1])).toEqual(
      localeFiles.map((locale) => locale.lang).sort(),
    );
    // stdin is read by its descriptor alone: no path is opened there.
    const stdin = readFileSync(join(projectRoot, 'src', 'cli', 'stdin-chunks.ts'), 'utf8');
    expect(stdin).not.toMatch(/\b(?:open|readFile|createReadStream|readdir)(?:Sync)?\(/u);
    const cli = readFileSync(join(projectRoot, 'src', 'cli.ts'), 'utf8');
    expect([...cli.matchAll(/readFileSync\((.*)$/gmu)].map((match) => match[1])).toEqual([
      "new URL('../package.json', import.meta.url), 'utf8')).version,",
    ]);
  });
});

describe('the locale parts of the main entry', () => {
  it('hold every text of each generated JSON locale, with its source (the one copy of the data)', async () => {
    const { localeParts } = await import('../../src/internal/locale-parts.ts');
    const { allLocales } = await import('../../src/internal/all-locales.ts');
    const { joinLocaleParts } = await import('../../src/catalog/locale-parts.ts');
    expect(Object.keys(localeParts).sort()).toEqual(localeFiles.map((locale) => locale.lang).sort());
    for (const { $comment, files, errata, ...texts } of localeFiles as (LocaleJson & Record<string, unknown>)[]) {
      const parts = localeParts[texts.lang];
      expect(parts, texts.lang).toBeDefined();
      if (parts === undefined) continue;
      const { $comment: partComment, ...joined } = joinLocaleParts(parts) as unknown as Record<string, unknown>;
      expect(joined, texts.lang).toEqual(texts);
      // The codes' part says what writes it and from which pages, as the whole file does.
      expect(partComment).toBe(
        `Generated by scripts/build-locales.ts from ${[(texts.source as { file: string }).file, files?.generic].filter(Boolean).join(' and ')}. Do not edit.`,
      );
    }
    // The public modules are the same data, from the same files.
    for (const locale of allLocales) {
      const parts = localeParts[locale.lang];
      expect(parts, locale.lang).toBeDefined();
      if (parts) expect(locale).toEqual(joinLocaleParts(parts));
    }
  });
});
