// The build reads upstream pages only as the importer wrote them: each page's SHA-256 must be
// the one SHA256SUMS lists, and pages are read by one rule (strict UTF-8) for importer and build.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/build-locales.ts';
import { main as importMain } from '../../scripts/import-docs.ts';
import { captureOutput } from '../helpers/capture-output.ts';
import { projectTextsDir, registryPath, shown, snapshot, tempDir, upstreamDir } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';
import { checkout, smtpPage } from '../helpers/upstream-checkout.ts';

/** A copy of docs/upstream (pages and SHA256SUMS), and the build's arguments over it and the project's texts. */
function upstreamCopy() {
  const upstream = tempDir();
  cpSync(upstreamDir, upstream, { recursive: true });
  const out = tempDir();
  const modules = tempDir();
  const args = ['--docs', upstream, '--docs', projectTextsDir, '--registry', registryPath];
  return { upstream, out, modules, args: [...args, '--out', out, '--modules', modules] };
}

function build(args: string[]) {
  return captureOutput(() => main(args));
}

describe('the build refuses an upstream page SHA256SUMS does not vouch for', { timeout: timeouts.build }, () => {
  it('builds the pages as imported', () => {
    const { args } = upstreamCopy();
    expect(build(args)).toMatchObject({ code: 0, stderr: '' });
  });

  it('names a page edited by hand, and writes nothing', () => {
    const { upstream, out, modules, args } = upstreamCopy();
    expect(build(args).code).toBe(0);
    const before = { out: snapshot(out), modules: snapshot(modules) };
    const page = join(upstream, 'fr.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('| Non défini |', '| Non définie |'));
    const { code, stderr } = build(args);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `${shown(page)}:1: its SHA-256 differs from ${shown(join(upstream, 'SHA256SUMS'))}: upstream pages are never edited by hand (npm run import:docs writes them and their hashes); correct a text in docs/project/texts/errata.md\n` +
        'build-locales: 1 problem(s); nothing was written\n',
    );
    expect({ out: snapshot(out), modules: snapshot(modules) }).toEqual(before);
  });

  it('names a page placed without the importer', () => {
    const { upstream, args } = upstreamCopy();
    const page = join(upstream, 'qaa.md');
    writeFileSync(page, readFileSync(join(upstream, 'fr.md'), 'utf8').replace('url: /fr/', 'url: /qaa/'));
    const { code, stderr } = build(args);
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe(
      `${shown(page)}:1: not listed in ${shown(join(upstream, 'SHA256SUMS'))}: an upstream page comes from npm run import:docs -- --from <checkout>, which writes the page and its hash`,
    );
  });

  it('names a listed page that is gone, at its line of the list', () => {
    const { upstream, args } = upstreamCopy();
    rmSync(join(upstream, 'de.md'));
    const list = readFileSync(join(upstream, 'SHA256SUMS'), 'utf8').split('\n');
    const line = list.findIndex((text) => text.endsWith('  de.md')) + 1;
    const { code, stderr } = build(args);
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe(
      `${shown(join(upstream, 'SHA256SUMS'))}:${line}: lists de.md, which is not in ${shown(upstream)}`,
    );
  });

  it('names a line of SHA256SUMS that is not a sha256sum line', () => {
    const { upstream, args } = upstreamCopy();
    const list = join(upstream, 'SHA256SUMS');
    writeFileSync(list, `${readFileSync(list, 'utf8')}not a hash\n`);
    const lines = readFileSync(list, 'utf8').split('\n').length - 1;
    const { code, stderr } = build(args);
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe(`${shown(list)}:${lines}: not a sha256sum line ("<64 hex digits>  <file>")`);
  });
});

describe('one rule reads pages for the importer and the build', { timeout: timeouts.build }, () => {
  const french = readFileSync(join(upstreamDir, 'fr.md'));
  const line = french.toString('utf8').split('\n').indexOf('| NotDefined | `0` | Non défini |') + 1;
  /** The French page with one byte that is not UTF-8 in the NotDefined row. */
  const broken = Buffer.from(french);
  broken[broken.indexOf('| Non défini |') + 2] = 0xff;
  const message = 'not UTF-8: pages are read as UTF-8 text, byte for byte';

  it('the build refuses bytes that are not UTF-8, naming their line', () => {
    const dir = tempDir();
    const page = join(dir, 'fr.md');
    writeFileSync(page, broken);
    const out = tempDir();
    const { code, stderr } = build(['--docs', dir, '--docs', projectTextsDir, '--out', out, '--modules', tempDir()]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${shown(page)}:${line}: ${message}\n`);
  });

  it('the importer refuses the same bytes with the same words', () => {
    const from = checkout({ [smtpPage('french')]: { text: broken } });
    const err: string[] = [];
    const code = importMain(['--from', from, '--to', tempDir()], {
      stdout: () => {},
      stderr: (text) => err.push(text),
    });
    expect(code).toBe(1);
    expect(err.join('').split('\n')[0]).toBe(`${smtpPage('french')}:${line}: ${message}`);
  });
});
