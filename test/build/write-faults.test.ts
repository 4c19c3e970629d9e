// Faults while the build writes: the disk fills up, a rename is refused, the process is killed.
// Whatever happens, every output file is whole: the old one or the new one.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildLocales } from '../../scripts/build-locales.ts';
import { PartialWrite } from '../../scripts/emit/write-files.ts';
import { docsWith, projectRoot, snapshot, tempDir } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, writeFileSync: vi.fn(real.writeFileSync), renameSync: vi.fn(real.renameSync) };
});

const real = await vi.importActual<typeof import('node:fs')>('node:fs');

afterEach(() => {
  vi.mocked(fs.writeFileSync).mockImplementation(real.writeFileSync);
  vi.mocked(fs.renameSync).mockImplementation(real.renameSync);
});

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** Built outputs from the project's docs, and docs that change every language's file. */
function setup() {
  const out = tempDir();
  const modules = tempDir();
  buildLocales({ out, modules });
  const changed = docsWith({}, { allDocs: true });
  for (const name of fs.readdirSync(changed).filter((file) => /^[a-z]{2}\.md$/u.test(file))) {
    const path = join(changed, name);
    fs.writeFileSync(
      path,
      fs.readFileSync(path, 'utf8').replace(/^\| NotDefined \|(.*)\|$/mu, '| NotDefined |$1 (v2) |'),
    );
  }
  const before = { json: snapshot(out), ts: snapshot(modules) };
  return { out, modules, changed, before };
}

/** Each file is either its old or its new content; no staging file is left. */
function expectWhole(dir: string, before: Record<string, string>, after: Record<string, string>) {
  const now = snapshot(dir);
  expect(Object.keys(now).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  for (const [name, content] of Object.entries(now)) {
    expect([before[name], after[name]], name).toContain(content);
    if (name.endsWith('.json')) expect(() => JSON.parse(content)).not.toThrow();
  }
}

// Every test here runs the build, some several times.
describe('faults while writing', { timeout: timeouts.build }, () => {
  it('a full disk while staging leaves every file as it was', () => {
    const { out, modules, changed, before } = setup();
    let calls = 0;
    vi.mocked(fs.writeFileSync).mockImplementation((...args: Parameters<typeof fs.writeFileSync>) => {
      if (++calls === 4) throw systemError('ENOSPC');
      return real.writeFileSync(...args);
    });
    expect(() => buildLocales({ docs: changed, out, modules })).toThrow(/ENOSPC/u);
    expect({ json: snapshot(out), ts: snapshot(modules) }).toEqual(before);
  });

  /** A build whose renames from the third on are refused while `refused(call)` holds: what it threw, and the outputs before, after and now. */
  function buildRefusing(refused: (call: number) => boolean, code: string) {
    const { out, modules, changed, before } = setup();
    const target = { out: tempDir(), modules: tempDir() };
    buildLocales({ docs: changed, ...target });
    const after = { json: snapshot(target.out), ts: snapshot(target.modules) };
    let calls = 0;
    vi.mocked(fs.renameSync).mockImplementation((from, to) => {
      if (refused(++calls)) throw systemError(code);
      real.renameSync(from, to);
    });
    let thrown: unknown;
    try {
      buildLocales({ docs: changed, out, modules });
    } catch (error) {
      thrown = error;
    }
    return { out, modules, changed, before, after, thrown };
  }

  it('a rename refused halfway puts back the files renamed before it: every file as it was, no staging file', () => {
    const { out, modules, changed, before, after, thrown } = buildRefusing((call) => call === 3, 'EACCES');
    expect(String(thrown)).toMatch(/EACCES/u);
    expect(thrown).not.toBeInstanceOf(PartialWrite);
    expect({ json: snapshot(out), ts: snapshot(modules) }).toEqual(before);
    // The next build does the job.
    vi.mocked(fs.renameSync).mockImplementation(real.renameSync);
    buildLocales({ docs: changed, out, modules });
    expect({ json: snapshot(out), ts: snapshot(modules) }).toEqual(after);
  });

  it('when the files renamed before a refused rename cannot be put back, the error names them; each file stays whole', () => {
    // The third rename is refused, and so is every rename after it (putting back included).
    const { out, modules, before, after, thrown } = buildRefusing((call) => call >= 3, 'EROFS');
    expect(thrown).toBeInstanceOf(PartialWrite);
    expectWhole(out, before.json, after.json);
    expectWhole(modules, before.ts, after.ts);
    const json = snapshot(out);
    const replaced = Object.keys(json).filter((name) => json[name] !== before.json[name]);
    expect(replaced).toHaveLength(2);
    for (const name of replaced) expect((thrown as Error).message).toContain(join(out, name));
  });

  const killed = 'a build killed at any moment leaves each file whole, and the next build removes its leftovers';
  it(killed, { timeout: timeouts.processes }, async () => {
    const { out, modules, changed, before } = setup();
    const target = { out: tempDir(), modules: tempDir() };
    buildLocales({ docs: changed, ...target });
    const after = { json: snapshot(target.out), ts: snapshot(target.modules) };
    const args = ['--import', 'tsx', join(projectRoot, 'scripts', 'build-locales.ts')];
    const buildArgs = [...args, '--docs', changed, '--out', out, '--modules', modules];
    for (const delay of [150, 300, 450, 600, 750, 900]) {
      // Each round starts from the old files, and kills the build after `delay` ms.
      buildLocales({ out, modules });
      const child = spawn(process.execPath, buildArgs, { cwd: projectRoot, stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      await new Promise((resolve) => child.on('exit', resolve));
      clearTimeout(timer);
      const leftovers = fs.readdirSync(out).filter((name) => name.endsWith('.tmp'));
      for (const name of leftovers) fs.rmSync(join(out, name));
      // The internal modules are written to modules/internal: a kill may leave a staging file there too.
      const moduleLeftovers = fs
        .readdirSync(modules, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.tmp'));
      for (const name of moduleLeftovers) fs.rmSync(join(modules, name));
      expectWhole(out, before.json, after.json);
      expectWhole(modules, before.ts, after.ts);
    }
  });

  it('a leftover staging file is reported by --check and removed by the next build', () => {
    const { out, modules } = setup();
    fs.writeFileSync(join(out, 'fr.json.99999.tmp'), '{"half":');
    expect(buildLocales({ out, modules, check: true }).drift).toEqual([
      { path: join(out, 'fr.json.99999.tmp'), state: 'stale' },
    ]);
    buildLocales({ out, modules });
    expect(fs.existsSync(join(out, 'fr.json.99999.tmp'))).toBe(false);
  });
});
