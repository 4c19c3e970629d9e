// What the importer touches on disk: it reads the candidates' content and nothing else of the
// checkout, lists no folder deeper than the layout's, and a failure leaves every file whole.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../scripts/import-docs.ts';
import { projectRoot, snapshot, tempDir } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';
import { checkout, revisions, smtpPage } from '../helpers/upstream-checkout.ts';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    readFileSync: vi.fn(real.readFileSync),
    readdirSync: vi.fn(real.readdirSync),
    renameSync: vi.fn(real.renameSync),
  };
});

const real = await vi.importActual<typeof import('node:fs')>('node:fs');

afterEach(() => {
  vi.mocked(fs.readFileSync).mockImplementation(real.readFileSync);
  vi.mocked(fs.readdirSync).mockImplementation(real.readdirSync);
  vi.mocked(fs.renameSync).mockImplementation(real.renameSync);
  vi.mocked(fs.readFileSync).mockClear();
  vi.mocked(fs.readdirSync).mockClear();
});

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** The paths inside `root` a mocked function was called with, relative and `/`-separated. */
function pathsIn(root: string, fn: (...args: never[]) => unknown): string[] {
  return vi
    .mocked(fn)
    .mock.calls.map(([path]) => String(path))
    .filter((path) => path === root || path.startsWith(`${root}${sep}`))
    .map((path) => relative(root, path).split(sep).join('/'));
}

// The import checks every page it takes as the build does (a build's work).
describe('reading a checkout', { timeout: timeouts.build }, () => {
  it('reads the content of the candidates only, and lists folders no deeper than <language>/<platform>/<namespace>/<type>', () => {
    // Pages of other types, and a deep tree of member pages, as a full checkout has by the thousand.
    const deep: Record<string, string> = {};
    for (const type of ['smtpclient', 'mailmessage', 'imapclient']) {
      for (const member of ['send', 'timeout', 'dispose']) {
        deep[`german/net/aspose.email.clients.smtp/${type}/${member}/_index.md`] = 'noise/smtpclient.md';
      }
    }
    const from = checkout({ ...revisions.older, ...deep });
    const to = tempDir();
    expect(run('--from', from, '--to', to).code).toBe(0);
    expect(pathsIn(from, fs.readFileSync).sort()).toEqual(
      ['arabic', 'chinese', 'english', 'french', 'german', 'italian', 'russian', 'Spanish', 'swedish', 'turkish']
        .map(smtpPage)
        .sort(),
    );
    const listed = pathsIn(from, fs.readdirSync);
    expect(Math.max(...listed.map((path) => (path === '' ? 0 : path.split('/').length)))).toBe(4);
    expect(listed).not.toContain('german/net/aspose.email.clients.smtp/smtpclient');
  });

  it('stops with one line when a folder of the checkout cannot be listed', () => {
    const from = checkout(revisions.recent);
    vi.mocked(fs.readdirSync).mockImplementation(((path: fs.PathLike, options: never) => {
      if (String(path).endsWith(`${sep}chinese${sep}net`)) {
        throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: 'EACCES' });
      }
      return real.readdirSync(path, options);
    }) as typeof fs.readdirSync);
    const { code, stderr } = run('--from', from, '--to', tempDir());
    expect(code).toBe(1);
    expect(stderr).toBe(
      `import-docs: EACCES: permission denied, scandir '${join(from, 'chinese', 'net')}'; nothing was written\n`,
    );
  });
});

describe('writing', { timeout: timeouts.build }, () => {
  it('leaves every committed file as it was when the import is refused, and when a rename fails', () => {
    const to = tempDir();
    expect(run('--from', checkout(revisions.older), '--to', to).code).toBe(0);
    const before = snapshot(to);
    const recent = checkout({
      ...revisions.recent,
      [smtpPage('russian')]: { text: real.readFileSync(join(to, 'en.md'), 'utf8').replace('Not defined', 'Undefined') },
    });
    // The Russian folder now holds a second English page: refused before anything is staged.
    expect(run('--from', recent, '--to', to).code).toBe(1);
    expect(snapshot(to)).toEqual(before);

    vi.mocked(fs.renameSync).mockImplementationOnce(() => {
      throw Object.assign(new Error('EXDEV: simulated'), { code: 'EXDEV' });
    });
    const { code, stderr } = run('--from', checkout(revisions.recent), '--to', to);
    expect(code).toBe(1);
    expect(stderr).toBe(`import-docs: writing ${to} failed (EXDEV: simulated); nothing was written\n`);
    // The first rename failed: nothing moved, and no staged file is left behind.
    expect(snapshot(to)).toEqual(before);
  });
});

describe('the command', () => {
  const script = join(projectRoot, 'scripts', 'import-docs.ts');
  const node = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: projectRoot, encoding: 'utf8' });

  // Two Node processes with tsx on a slow 2-core machine: seconds each, well within a minute.
  it('runs from the command line, with its exit codes and no stack trace', { timeout: timeouts.processes }, () => {
    const to = tempDir();
    const ok = node('--from', checkout(revisions.recent), '--to', to);
    expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: '' });
    expect(ok.stdout).toContain('added (3): en, ru, zh\n');
    const missing = node('--from', join(to, 'nowhere'));
    expect({ status: missing.status, stdout: missing.stdout }).toEqual({ status: 1, stdout: '' });
    expect(missing.stderr).toBe(`import-docs: --from ${join(to, 'nowhere')}: no such folder; nothing was written\n`);
  });
});
