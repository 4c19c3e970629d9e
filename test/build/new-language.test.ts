// A new language is one page and a checklist: in a temporary copy of the project, a Portuguese
// upstream-style page (member texts only) goes through the documented steps (CONTRIBUTING.md):
// import, build the locales, build dist/, the languages report, the CLI answering in Portuguese
// with the fallback's parts marked, then the language-dependent suites over the new language.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';
import { checkout, smtpPage } from '../helpers/upstream-checkout.ts';

/** What the copy needs to build, run and test: no dist/ (built there), node_modules linked. */
const copied = [
  'docs',
  'locales',
  'scripts',
  'src',
  'test',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'vitest.config.ts',
  'README.md',
];

/**
 * The suites whose checks run per shipped language (texts, fallback, negotiation, i18next,
 * entries' per-language modules): a bounded subset of `npm test`, which builds, packs and drives
 * a browser besides.
 */
const languageSuites = [
  'test/replies/class-texts.test.ts',
  'test/replies/client-causes.test.ts',
  'test/replies/explain-replies.test.ts',
  'test/reasons/reason-texts.test.ts',
  'test/i18next/i18next.test.ts',
  'test/runtime/describe.test.ts',
  'test/runtime/lite.test.ts',
  'test/runtime/register-locale.test.ts',
  'test/runtime/fallback-parts.test.ts',
  'test/build/languages-report.test.ts',
  'test/server/api.test.ts',
  'test/server/pages.test.ts',
  'test/server/page-words.test.ts',
];

/** An upstream-style page for Portuguese: the English page's members, each with a text of its own. */
function portuguesePage(): string {
  const english = readFileSync(join(projectRoot, 'docs', 'upstream', 'en.md'), 'utf8');
  return english
    .replace(/^url: \/net\//mu, 'url: /pt/net/')
    .replace(
      /^\| (\w+) \| `(-?\d+)` \| .+ \|$/gmu,
      (_, name, value) => `| ${name} | \`${value}\` | Descrição de ${name} (código ${value}). |`,
    );
}

// The child processes must not think they run inside this test run.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_OPTIONS'),
);

describe('adding a language, as CONTRIBUTING.md says', () => {
  let copy = '';
  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, { cwd: copy, env, encoding: 'utf8' });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const npm = (...args: string[]) => run('npm', ['run', '--silent', ...args]);
  const steps: Record<string, { code: number | null; stdout: string; stderr: string }> = {};

  beforeAll(() => {
    // Kept for every test of this group (tempDir() is removed after each test), removed after them.
    copy = mkdtempSync(join(tmpdir(), 'smtp-status-i18n-new-language-'));
    for (const name of copied) cpSync(join(projectRoot, name), join(copy, name), { recursive: true });
    symlinkSync(join(projectRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const from = checkout({ [smtpPage('portuguese')]: { text: portuguesePage() } });
    steps.import = npm('import:docs', '--', '--from', from);
    steps.locales = npm('build:locales');
    steps.dist = npm('build');
    steps.languages = npm('languages');
  }, timeouts.processes);
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('each step names the next', () => {
    expect(steps.import).toMatchObject({ code: 0, stderr: '' });
    expect(steps.import?.stdout).toMatch(/^added \(1\): pt$/mu);
    expect(steps.import?.stdout).toMatch(/\nnext: npm run build:locales\n$/u);
    expect(steps.locales).toMatchObject({ code: 0, stderr: '' });
    expect(steps.locales?.stdout).toMatch(/^next: npm run build \(/mu);
    expect(steps.dist?.code).toBe(0);
    expect(steps.languages?.stdout).toMatch(/\nnext: npm test\n$/u);
  });

  it(
    'the report lists what Portuguese lacks, with the file to write',
    () => {
      const report = JSON.parse(npm('languages', '--', '--json').stdout);
      const pt = report.languages.find((language: { lang: string }) => language.lang === 'pt');
      expect(pt.upstream).toBe('docs/upstream/pt.md');
      expect(pt.lacks.map((lack: { file: string }) => lack.file)).toEqual([
        ...Object.keys(pt.kinds).map((kind) => `docs/project/texts/pt.${kind}.md`),
        'docs/project/lexicon.json',
      ]);
      expect(steps.languages?.stdout).toContain('\npt lacks (said in en until written');
    },
    timeouts.processes,
  );

  it(
    'the built CLI answers in Portuguese, and marks the parts said in English',
    () => {
      expect(run('node', ['dist/cli.js', '550', '--lang', 'pt-BR'])).toEqual({
        code: 0,
        // The reason column (docs/project/reason-rules/reply-codes.md: 550 alone says no more), then the text.
        stdout: 'unknown\tDescrição de MailboxUnavailable (código 550).\n',
        stderr: '',
      });
      const reply = run('node', ['dist/cli.js', 'explain', '550 5.1.1 no such user', '--lang', 'pt', '--json']);
      expect(reply.code).toBe(0);
      const answer = JSON.parse(reply.stdout);
      expect(answer).toMatchObject({
        lang: 'en',
        source: 'enhanced',
        enhanced: { lang: 'en' },
        reason: { lang: 'en' },
      });
      const member = JSON.parse(run('node', ['dist/cli.js', '421', '--lang', 'pt', '--json']).stdout);
      expect(member).toMatchObject({ lang: 'pt', text: 'Descrição de ServiceNotAvailable (código 421).' });
    },
    timeouts.processes,
  );

  it(
    'the language-dependent suites pass with Portuguese shipped',
    () => {
      const result = run(join(copy, 'node_modules', '.bin', 'vitest'), [
        'run',
        '--typecheck.enabled=false',
        '--reporter=dot',
        ...languageSuites,
      ]);
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
      expect(stripVTControlCharacters(result.stdout)).toMatch(
        new RegExp(`Test Files +${languageSuites.length} passed \\(${languageSuites.length}\\)`, 'u'),
      );
    },
    timeouts.testSuites,
  );
});
