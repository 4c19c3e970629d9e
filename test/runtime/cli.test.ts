import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.ts';
import { captureOutput } from '../helpers/capture-output.ts';
import { localeFile } from '../helpers/locale-files.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return captureOutput(() => run(args, env));
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
