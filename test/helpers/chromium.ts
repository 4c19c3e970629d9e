// The Chromium the browser tests drive through playwright-core. An installed one is preferred
// (CHROMIUM_PATH, Debian's, Playwright's cache); otherwise the one @sparticuz/chromium ships inside
// its npm tarball (brotli-compressed, unpacked here on first use), so `npm install && npm test`
// needs nothing but Node and npm. The fonts for Arabic and Chinese come from npm packages too.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { projectRoot } from './temp-dir.ts';

const require = createRequire(import.meta.url);

/** Where unpacked browsers and the font configuration live: per clone, gone with `npm ci`. */
const cacheDir = join(projectRoot, 'node_modules', '.cache', 'smtp-status-i18n-tests');

/** What to do when no Chromium can be found (the browser tests fail with this, never skip). */
const howToGetOne = [
  'No Chromium for the browser tests:',
  '`npm install` brings one (@sparticuz/chromium, a devDependency);',
  'or set CHROMIUM_PATH to a Chromium binary, or install Debian’s (apt-get install chromium).',
].join(' ');

/** A Chromium to launch and where it came from (for messages), e.g. `{ path: '/usr/bin/chromium', source: 'Debian' }`. */
export interface ChromiumChoice {
  path: string;
  source: string;
}

/**
 * The Chromium the tests launch: CHROMIUM_PATH when set (it must exist), else Debian's, else
 * Playwright's cache, else the npm one (unpacked once into node_modules/.cache).
 * @example findChromium() // → { path: '/work/x/node_modules/.cache/…/chromium', source: '@sparticuz/chromium 153.0.0' }
 */
export function findChromium(): ChromiumChoice {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(chosen))
      throw new Error(`CHROMIUM_PATH is ${JSON.stringify(chosen)}, which does not exist. ${howToGetOne}`);
    return { path: chosen, source: 'CHROMIUM_PATH' };
  }
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium', source: 'Debian' };
  const playwrights = playwrightCachePath();
  if (playwrights !== undefined) return { path: playwrights, source: 'the Playwright cache' };
  const npms = npmChromium();
  if (npms !== undefined) return npms;
  throw new Error(howToGetOne);
}

/** The browser Playwright installed for this playwright-core version, if it is there. */
function playwrightCachePath(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    // playwright-core throws when it knows no browser for this platform: there is none then.
    return undefined;
  }
}

/**
 * @sparticuz/chromium's browser, unpacked into a folder of its own. The package unpacks into the
 * system temporary folder, where two test files (or two clones' runs) would race on one file; so
 * it unpacks in a child process into a private folder, which is then renamed into place whole
 * (the first rename wins, a later one finds the folder there and uses it).
 */
function npmChromium(): ChromiumChoice | undefined {
  let entry: string;
  try {
    entry = require.resolve('@sparticuz/chromium');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
  const { version } = manifestAbove(entry, '@sparticuz/chromium');
  const folder = join(cacheDir, `sparticuz-chromium-${version}`);
  const source = `@sparticuz/chromium ${version}`;
  if (existsSync(join(folder, 'chromium'))) return { path: join(folder, 'chromium'), source };
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(cacheDir, 'unpacking-'));
  try {
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "process.stdout.write(await (await import('@sparticuz/chromium')).default.executablePath())",
      ],
      { cwd: projectRoot, env: { ...process.env, TMPDIR: staging }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    renameSync(staging, folder);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(folder, 'chromium')))
      throw new Error(`${source} could not be unpacked: ${String(error)}. ${howToGetOne}`);
  }
  return { path: join(folder, 'chromium'), source };
}

/** The manifest of package `name`, found above one of its files (its exports map may not list it). */
function manifestAbove(file: string, name: string): { version: string } {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (!existsSync(path)) continue;
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version: string };
    if (manifest.name === name) return manifest;
  }
  throw new Error(`No package.json of ${name} above ${file}`);
}

/**
 * A fontconfig file that adds the npm-shipped Noto fonts (Arabic, Simplified Chinese with Latin)
 * to whatever the machine has, so pages in ar and zh render on a machine with no fonts at all.
 */
function fontConfig(): string {
  const fontDirs = ['@embedpdf/fonts-arabic', '@embedpdf/fonts-sc'].map((name) =>
    join(dirname(require.resolve(name)), '..', 'fonts'),
  );
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<!-- Written by test/helpers/chromium.ts: the machine’s fonts plus the npm-shipped ones. -->',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    ...fontDirs.map((dir) => `  <dir>${dir}</dir>`),
    `  <cachedir>${join(cacheDir, 'fontconfig')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, 'fonts.conf');
  const staging = join(cacheDir, `fonts.conf.${process.pid}`);
  writeFileSync(staging, xml);
  renameSync(staging, file);
  return file;
}

/**
 * A headless Chromium with no network of its own (no background requests, updates or sync:
 * this machine's network is closed). Fails, never skips, when there is no Chromium.
 * @example const browser = await launchChromium(); await browser.newPage(); await browser.close();
 */
export async function launchChromium(): Promise<Browser> {
  const { path, source } = findChromium();
  try {
    return await chromium.launch({
      executablePath: path,
      env: { ...process.env, FONTCONFIG_FILE: fontConfig() },
      args: [
        '--headless',
        '--no-sandbox',
        '--no-zygote',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    throw new Error(`Chromium from ${source} (${path}) did not start: ${String(error)}. ${howToGetOne}`);
  }
}
