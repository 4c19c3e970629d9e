import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliContext, run } from '../../src/cli.ts';
import { explain, SmtpStatusCode } from '../../src/index.ts';
import { localeFile } from '../helpers/locale-files.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

/** Runs the command with a fake terminal; returns its exit code and output. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}, overrides: Partial<CliContext> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const context: CliContext = {
    env,
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    ...overrides,
  };
  const code = run(args, context);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('smtp-status (the README command)', () => {
  it('prints the description in the language asked for', () => {
    expect(cli(['550', '--lang', 'fr'])).toEqual({
      code: 0,
      stdout: `${localeFile('fr').codes.MailboxUnavailable}\n`,
      stderr: '',
    });
    expect(cli(['MailboxUnavailable', '--lang', 'ar']).stdout).toBe(`${localeFile('ar').codes.MailboxUnavailable}\n`);
    expect(cli(['571', '-l', 'it']).stdout).toBe(`${localeFile('it').generic?.texts['5xx']}\n`);
  });

  it('takes the language from LC_ALL, LC_MESSAGES, LANG, else English', () => {
    const tr = localeFile('tr').codes.MailboxUnavailable;
    expect(cli(['550'], { LANG: 'tr_TR.UTF-8' }).stdout).toBe(`${tr}\n`);
    expect(cli(['550'], { LC_ALL: 'ru_RU.UTF-8', LANG: 'tr_TR.UTF-8' }).stdout).toBe(
      `${localeFile('ru').codes.MailboxUnavailable}\n`,
    );
    expect(cli(['550'], { LC_ALL: '', LC_MESSAGES: 'it_IT', LANG: 'tr_TR' }).stdout).toBe(
      `${localeFile('it').codes.MailboxUnavailable}\n`,
    );
    expect(cli(['550'], {}).stdout).toBe(`${localeFile('en').codes.MailboxUnavailable}\n`);
  });

  it('prints the explanation as JSON with --json', () => {
    expect(JSON.parse(cli(['450', '--json', '--lang', 'fr-CA']).stdout)).toMatchObject({
      code: 450,
      name: 'MailboxBusy',
      lang: 'fr',
      retryable: true,
    });
  });

  it('answers usage errors with exit code 2 and one line naming the problem', () => {
    for (const [args, message] of [
      [['abc'], /^smtp-status: Not an SMTP status code: "abc" /u],
      [['1000'], /^smtp-status: Not an SMTP status code: 1000 /u],
      [[], /^smtp-status: expected one status code, got 0/u],
      [['550', '551'], /^smtp-status: expected one status code, got 2/u],
      [['550', '--nope'], /^smtp-status: Unknown option '--nope'/u],
      [['--lang'], /^smtp-status: Option '-l, --lang <value>' argument missing/u],
      [['list', 'extra'], /^smtp-status: list takes no argument, got "extra"/u],
      [['5.1.1'], /^smtp-status: Not an SMTP status code: "5\.1\.1" /u],
    ] as const) {
      const result = cli([...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('has --help and --version', () => {
    expect(cli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('smtp-status 550 --lang fr') });
    expect(cli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
  });

  it('runs as a process: exit codes and no stack trace', () => {
    const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
    const script = join(projectRoot, 'src', 'cli.ts');
    expect(execFileSync(tsx, [script, '550', '--lang', 'fr'], { encoding: 'utf8' })).toBe(
      `${localeFile('fr').codes.MailboxUnavailable}\n`,
    );
    const bad = spawnSync(tsx, [script, 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /u);
  });
});

describe('smtp-status list', () => {
  const members = Object.keys(SmtpStatusCode);

  it('prints every member as an aligned table: value, name, description (Arabic intact, last)', () => {
    for (const lang of ['ru', 'ar', 'en']) {
      const { code, stdout, stderr } = cli(['list', '--lang', lang]);
      expect([code, stderr]).toEqual([0, '']);
      const rows = stdout.trimEnd().split('\n');
      expect(rows).toHaveLength(members.length);
      const descriptionColumn = new Set<number>();
      rows.forEach((row, index) => {
        const name = members[index] ?? '';
        const value = String(SmtpStatusCode[name as keyof typeof SmtpStatusCode]);
        const description = localeFile(lang).codes[name as keyof typeof SmtpStatusCode] ?? '';
        expect(row.endsWith(`  ${description}`), row).toBe(true);
        expect(row.slice(0, 3).trim()).toBe(value);
        expect(row.slice(5).startsWith(`${name} `)).toBe(true);
        descriptionColumn.add(row.length - description.length);
      });
      expect(descriptionColumn.size).toBe(1);
    }
  });

  it('prints a JSON array of explanations with --json', () => {
    const rows = JSON.parse(cli(['list', '--json', '--lang', 'fr-CA']).stdout);
    expect(rows).toEqual(members.map((name) => explain(name as keyof typeof SmtpStatusCode, 'fr')));
  });

  it('colours only on a terminal, and never with NO_COLOR or TERM=dumb', () => {
    const tty = { write: () => true, isTTY: true };
    const colored = (env: NodeJS.ProcessEnv, isTTY: boolean) => {
      const out: string[] = [];
      run(['list'], { env, stdout: { write: (text: string) => out.push(text), isTTY }, stderr: tty });
      return out.join('').includes('\u001B[');
    };
    expect(colored({}, true)).toBe(true);
    expect(colored({}, false)).toBe(false);
    expect(colored({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colored({ TERM: 'dumb' }, true)).toBe(false);
    expect(colored({ NO_COLOR: '' }, true)).toBe(true);
  });
});

describe('smtp-status in trouble', () => {
  it('warns on stderr when --lang names no shipped language, and still answers in English', () => {
    const result = cli(['550', '--lang', 'de-AT']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${localeFile('en').codes.MailboxUnavailable}\n`);
    expect(result.stderr).toBe('smtp-status: no locale for "de-AT"; using en (available: ar, en, fr, it, ru, tr)\n');
    expect(cli(['550', '--lang', 'fr_CA.UTF-8']).stderr).toBe('');
    expect(cli(['550'], { LANG: 'C' }).stderr).toBe('');
  });

  it('answers an unexpected failure with exit code 1 and one line, no stack trace', () => {
    const broken = {
      write: () => {
        throw new Error('disk full');
      },
    };
    expect(cli(['550'], {}, { stdout: broken })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'smtp-status: unexpected error: disk full\n',
    });
  });
});
