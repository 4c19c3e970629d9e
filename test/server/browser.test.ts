// The catalog page in a real browser: Chromium, headless, driven by playwright-core, loading
// the page from `smtp-status serve` on 127.0.0.1. test/helpers/chromium.ts finds the browser (an
// installed one, else the one npm brought); without any this test fails (it is never skipped).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.ts';
import { projectRoot } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = mkdtempSync(join(tmpdir(), 'smtp-status-page-'));
let server: ChildProcess | undefined;
let browser: Browser | undefined;
let base = '';

beforeAll(async () => {
  const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
  server = spawn(tsx, [join(projectRoot, 'src', 'cli.ts'), 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await createInterface({ input: server.stdout as NodeJS.ReadableStream })
    [Symbol.asyncIterator]()
    .next();
  base = String(first.value ?? '');
  browser = await launchChromium();
}, timeouts.browser);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
}, timeouts.browser);

/** A page that records every console error and uncaught exception (a CSP violation is one). */
async function open(path: string, javaScriptEnabled = true): Promise<{ page: Page; errors: string[] }> {
  if (browser === undefined) throw new Error('Chromium did not start');
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(path, base).href);
  return { page, errors };
}

/** axe-core's violations on the page (evaluated through the protocol, so the page's CSP stays on). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { violations } = await (
      globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe.run();
    return violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
  return violations;
}

const visibleCodes = (page: Page) =>
  page.$$eval('tbody tr', (rows) =>
    rows.filter((row) => !(row as unknown as { hidden: boolean }).hidden).map((row) => row.id),
  );

async function screenshot(page: Page, name: string): Promise<void> {
  const path = join(shots, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  process.stdout.write(`screenshot: ${path}\n`);
}

// Every test here drives pages in Chromium.
describe('the catalog page in Chromium', { timeout: timeouts.browser }, () => {
  it('French: filters as you type, switches language by its links, no console error, no axe violation', async () => {
    const { page, errors } = await open('/?lang=fr');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.textContent('[id="550"]')).toContain('Il définit généralement une adresse e-mail inexistante');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'fr');

    await page.fill('#q', 'MailboxUnavailable');
    expect(await visibleCodes(page)).toEqual(['550']);
    expect(await page.textContent('#count')).toMatch(/^1 of \d+ shown$/u);
    await page.fill('#q', '');
    expect((await visibleCodes(page)).length).toBeGreaterThan(100);

    await page.click('a[hreflang="ar"]');
    await page.waitForURL(/lang=ar/u);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(errors).toEqual([]);
  });

  it('Arabic: laid out right to left, filter and switcher work, no console error, no axe violation', async () => {
    const { page, errors } = await open('/?lang=ar#550');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.$eval(':target', (row) => row.id)).toBe('550');
    const direction = await page.$eval(
      '#codes',
      (table) =>
        (globalThis as unknown as { getComputedStyle(element: unknown): { direction: string } }).getComputedStyle(table)
          .direction,
    );
    expect(direction).toBe('rtl');
    // The first column (the code) is at the right, the description at the left.
    const code = await page.locator('[id="550"] td').first().boundingBox();
    const text = await page.locator('[id="550"] td').last().boundingBox();
    expect(code && text && code.x > text.x + text.width - 1).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'ar');

    await page.fill('#q', 'X.1.10');
    expect(await visibleCodes(page)).toEqual(['X.1.10']);
    await page.click('a[hreflang="fr"]');
    await page.waitForURL(/lang=fr&q=X.1.10/u);
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await visibleCodes(page)).toEqual(['X.1.10']);
    expect(errors).toEqual([]);
  });

  it('without JavaScript, the filter is a GET form and the switcher plain links', async () => {
    const { page, errors } = await open('/?lang=fr', false);
    await page.fill('#q', 'MailboxBusy');
    await page.press('#q', 'Enter');
    await page.waitForURL(/q=MailboxBusy/u);
    expect(await visibleCodes(page)).toEqual(['450']);
    await page.click('a[hreflang="ar"]');
    await page.waitForURL(/lang=ar&q=MailboxBusy/u);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await visibleCodes(page)).toEqual(['450']);
    expect(errors).toEqual([]);
  });

  it('renders markup sent in lang, q and the path as text', async () => {
    const { page, errors } = await open(
      '/?lang=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&q=%22%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E',
    );
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.$$('script')).toHaveLength(1);
    expect(await page.inputValue('#q')).toBe('"><script>alert(2)</script>');
    expect(errors).toEqual([]);
    const notFound = await page.goto(new URL('/%3Cscript%3Ealert(3)%3C/script%3E', base).href);
    expect(notFound?.status()).toBe(404);
    expect(await page.$$('script')).toHaveLength(0);
    // A problem+json body, shown as text; its markup characters are escaped even there.
    expect(await page.textContent('body')).toContain('\\u003cscript\\u003ealert(3)');
  });
});
