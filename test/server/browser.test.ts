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
import { word } from '../helpers/page-word.ts';
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

/** What a page is opened with: JavaScript, the window's width, the colour scheme. */
interface Opening {
  javaScriptEnabled?: boolean;
  width?: number;
  colorScheme?: 'light' | 'dark';
}

/** A page that records every console error and uncaught exception (a CSP violation is one). */
async function open(path: string, opening: Opening = {}): Promise<{ page: Page; errors: string[] }> {
  if (browser === undefined) throw new Error('Chromium did not start');
  const context = await browser.newContext({
    javaScriptEnabled: opening.javaScriptEnabled ?? true,
    viewport: { width: opening.width ?? 1280, height: 900 },
    colorScheme: opening.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(new URL(path, base).href);
  return { page, errors };
}

/** How far the page scrolls sideways: its width past the window's (0 when nothing overflows). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });

/**
 * axe-core's violations on the page, or in the part `within` selects (evaluated through the
 * protocol, so the page's CSP stays on).
 */
async function axeViolations(page: Page, within = 'html'): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (selector) => {
    const { violations } = await (
      globalThis as unknown as {
        axe: { run(context: string): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      }
    ).axe.run(selector);
    return violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  }, within);
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
  it.each([
    ['fr', 1280],
    ['fr', 390],
    ['ar', 1280],
    ['ar', 390],
    ['zh', 1280],
    ['zh', 390],
  ] as const)(
    '%s at %d px: no sideways scrolling, every row on screen, no axe violation, no console error',
    async (lang, width) => {
      const { page, errors } = await open(`/?lang=${lang}`, { width });
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      // The description of a long row, and the longest member name, lie inside the window.
      for (const selector of ['[id="550"] td:last-child', '[id="553"] td.name', '[id="X.7.1"] td:last-child']) {
        const box = await page.locator(selector).boundingBox();
        expect(box, selector).not.toBeNull();
        expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
      }
      if (width >= 1280) {
        // A wide window keeps each member name on one line (a column squeezed to a few letters
        // broke NotDefined as NotDefine|d).
        const broken = await page.$$eval('td.name code', (names) =>
          names
            .filter((name) => (name as unknown as { getClientRects(): { length: number } }).getClientRects().length > 1)
            .map((name) => name.textContent),
        );
        expect(broken).toEqual([]);
      }
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${lang}-${width}`);
      expect(errors).toEqual([]);
    },
  );

  it.each(['fr', 'ar'])('%s code and reason pages at 390 px: no sideways scrolling, no axe violation', async (lang) => {
    for (const path of [`/codes/5.1.1?lang=${lang}`, `/reasons/user-unknown?lang=${lang}`]) {
      const { page, errors } = await open(path, { width: 390 });
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${lang}-390-${path.split('?')[0]?.replaceAll('/', '_')}`);
      expect(errors).toEqual([]);
    }
  });

  it('follows prefers-color-scheme: dark text on light, light on dark', async () => {
    const background = (page: Page) =>
      page.evaluate(() => {
        const view = globalThis as unknown as {
          getComputedStyle(element: unknown): { backgroundColor: string };
          document: { documentElement: unknown };
        };
        return view.getComputedStyle(view.document.documentElement).backgroundColor;
      });
    const light = await open('/?lang=zh', { colorScheme: 'light' });
    const dark = await open('/?lang=zh', { colorScheme: 'dark', width: 390 });
    expect(await background(light.page)).toBe('rgb(255, 255, 255)');
    expect(await background(dark.page)).not.toBe('rgb(255, 255, 255)');
    expect(await axeViolations(dark.page)).toEqual([]);
    await screenshot(dark.page, 'zh-390-dark');
    expect([...light.errors, ...dark.errors]).toEqual([]);
  });

  it('French: filters as you type and counts in French, switches language by its links', async () => {
    const { page, errors } = await open('/?lang=fr');
    expect(await page.textContent('[id="550"]')).toContain('Il définit généralement une adresse e-mail inexistante');
    await page.fill('#q', 'MailboxUnavailable');
    expect(await visibleCodes(page)).toEqual(['550']);
    expect(await page.textContent('#count')).toMatch(/^1 entrée affichée sur \d+$/u);
    await page.fill('#q', 'mailbox');
    expect(await page.textContent('#count')).toMatch(/^\d+ entrées affichées sur \d+$/u);
    // As the server filters: a hyphen between letters is a space.
    await page.fill('#q', 'User unknown');
    expect(await visibleCodes(page)).toContain('user-unknown');
    expect(await visibleCodes(page)).not.toContain('network-error');
    await page.fill('#q', '');
    expect((await visibleCodes(page)).length).toBeGreaterThan(100);
    await page.click('a[hreflang="ar"]');
    await page.waitForURL(/lang=ar/u);
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(errors).toEqual([]);
  });

  it('Arabic: right to left, the count read in order (the shown number right of the total), filter and switcher work', async () => {
    const { page, errors } = await open('/?lang=ar#550');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.$eval(':target', (row) => row.id)).toBe('550');
    // The code (first column) is at the right, the description at the left.
    const code = await page.locator('[id="550"] th').boundingBox();
    const text = await page.locator('[id="550"] td').last().boundingBox();
    expect(code && text && code.x > text.x + text.width - 1).toBe(true);
    await page.fill('#q', 'mailbox');
    const numbers = await page.locator('#count bdi').all();
    expect(numbers).toHaveLength(2);
    const [shown, total] = await Promise.all(numbers.map((number) => number.boundingBox()));
    // Read right to left: "تظهر N رموز من أصل T": N stands right of T, never swapped by the bidi algorithm.
    expect(shown && total && shown.x > total.x + total.width - 1).toBe(true);
    await page.fill('#q', 'X.1.10');
    expect(await visibleCodes(page)).toEqual(['X.1.10']);
    await page.click('a[hreflang="fr"]');
    await page.waitForURL(/lang=fr&q=X.1.10/u);
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await visibleCodes(page)).toEqual(['X.1.10']);
    expect(errors).toEqual([]);
  });

  it('without JavaScript, the filter is a GET form and the switcher plain links', async () => {
    const { page, errors } = await open('/?lang=fr', { javaScriptEnabled: false });
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

  it('keyboard only: Tab to the box, type, Tab to the button, Enter, and the answer is read with focus on it', async () => {
    const { page, errors } = await open('/?lang=fr');
    let presses = 0;
    while (
      (await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id,
      )) !== 'input'
    ) {
      presses += 1;
      expect(presses, 'Tab never reached the box').toBeLessThan(40);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('452 4.2.2 Mailbox full');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#answer'), { timeout: timeouts.firstSign }).toContain('échec temporaire');
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id,
      ),
    ).toBe('answer');
    expect(page.url()).toContain('/?lang=fr');
    expect(errors).toEqual([]);
  });

  it.each([
    ['de', true, '550 5.1.1 <ana@example.org>: Recipient address rejected', 'endgültiger Fehlschlag'],
    ['de', false, '550 5.1.1 <ana@example.org>: Recipient address rejected', 'endgültiger Fehlschlag'],
    ['ar', true, '421 4.7.0 Try again later', 'إخفاق مؤقت'],
    ['ar', false, '421 4.7.0 Try again later', 'إخفاق مؤقت'],
  ])(
    'the paste box in %s (JavaScript: %s) explains what the server said',
    async (lang, javaScriptEnabled, reply, outcome) => {
      const { page, errors } = await open(`/?lang=${lang}`, { javaScriptEnabled });
      await page.fill('#input', reply);
      await page.click('#ask button');
      if (javaScriptEnabled) {
        await expect.poll(() => page.textContent('#answer'), { timeout: timeouts.firstSign }).toContain(outcome);
        // Answered in place: still the catalog, its rows there.
        expect(new URL(page.url()).pathname).toBe('/');
        expect((await visibleCodes(page)).length).toBeGreaterThan(100);
      } else {
        await page.waitForURL(/\/explain/u);
        expect(await page.textContent('#answer')).toContain(outcome);
        expect(await page.inputValue('#input')).toBe(reply);
      }
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      // axe runs in the page: only where JavaScript runs (the answer page's own check is below).
      // The answer put in place is what changed; the whole page has had its check above.
      if (javaScriptEnabled) expect(await axeViolations(page, '.ask')).toEqual([]);
      await screenshot(page, `answer-${lang}-${javaScriptEnabled ? 'js' : 'no-js'}`);
      expect(errors).toEqual([]);
    },
  );

  it('another language once the box has answered asks the same text again in it, with or without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const { page, errors } = await open('/?lang=fr', { javaScriptEnabled });
      const reply = '452 4.2.2 Mailbox full';
      await page.fill('#input', reply);
      await page.click('#ask button');
      if (javaScriptEnabled) {
        await expect
          .poll(() => page.textContent('#answer'), { timeout: timeouts.firstSign })
          .toContain('échec temporaire');
        await page.click('nav a[hreflang="de"]');
        await page.waitForURL(/\/explain\?lang=de/u);
        expect(await page.inputValue('#input')).toBe(reply);
        expect(await page.textContent('#answer')).toContain(word('de', 'kind-transient'));
      } else {
        // Without the script the links are plain: the page in that language, its box empty.
        await page.waitForURL(/\/explain/u);
        await page.click('nav a[hreflang="de"]');
        await page.waitForURL(/\/\?lang=de/u);
        expect(await page.inputValue('#input')).toBe('');
      }
      expect(await page.getAttribute('html', 'lang')).toBe('de');
      expect(errors).toEqual([]);
    }
  });

  it('Arabic, keyboard only: the first Tab shows the link past the languages, Enter moves the focus to the content', async () => {
    const { page, errors } = await open('/?lang=ar');
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => {
        const active = (
          globalThis as unknown as { document: { activeElement: { id: string; className: string } | null } }
        ).document.activeElement;
        return `${active?.className ?? ''}#${active?.id ?? ''}`;
      });
    expect(await focused()).toBe('skip#');
    expect(await page.textContent('a.skip')).toBe(word('ar', 'skip-link'));
    const box = await page.locator('a.skip').boundingBox();
    expect(box && box.y >= 0 && box.x >= 0 && box.x + box.width <= 1280).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('#main');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('with JavaScript: one question at a time, and a service that gives no answer is said in the page’s words', async () => {
    const { page, errors } = await open('/?lang=ru');
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let posts = 0;
    await page.route(
      (url) => url.pathname === '/explain',
      async (route) => {
        posts += 1;
        await held;
        await route.abort('failed');
      },
    );
    await page.fill('#input', '550 5.1.1 User unknown');
    await page.click('#ask button');
    await expect.poll(() => page.isDisabled('#ask button'), { timeout: timeouts.firstSign }).toBe(true);
    expect(await page.getAttribute('#answer', 'aria-busy')).toBe('true');
    // Sent again while the first waits (Enter in a browser's form): not sent twice.
    await page.$eval('#ask', (form) => (form as unknown as { requestSubmit(): void }).requestSubmit());
    release();
    await expect
      .poll(() => page.textContent('#answer'), { timeout: timeouts.firstSign })
      .toBe(word('ru', 'answer-failed'));
    expect(posts).toBe(1);
    expect(await page.isDisabled('#ask button')).toBe(false);
    expect(await page.getAttribute('#answer', 'aria-busy')).toBeNull();
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id,
      ),
    ).toBe('answer');
    // The aborted request is the one console error.
    expect(errors.filter((error) => !/ERR_FAILED/u.test(error))).toEqual([]);
  });

  it('with JavaScript: a text too long for the box is said in the page’s words', async () => {
    const { page, errors } = await open('/?lang=de');
    await page.fill('#input', '550 x\n'.repeat(200));
    await page.click('#ask button');
    await expect
      .poll(() => page.textContent('#answer'), { timeout: timeouts.firstSign })
      .toContain(word('de', 'answer-too-large'));
    expect(errors).toEqual([]);
  });

  it('the answer page a browser without JavaScript gets has no axe violation (fr, at 390 px)', async () => {
    const { page, errors } = await open('/?lang=fr', { width: 390 });
    await page.fill('#input', 'ETIMEDOUT');
    // The form's own submission, past the script's handler: what a browser without JavaScript does.
    await page.$eval('#ask', (form) => (form as unknown as { submit(): void }).submit());
    await page.waitForURL(/\/explain/u);
    expect(await page.textContent('#answer')).toContain('Une nouvelle tentative peut aboutir');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'answer-fr-390-page');
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
    // The page that says the catalog has no page for it: the path is its text, the only script the page's own.
    expect(await page.$$eval('script', (scripts) => scripts.map((script) => script.getAttribute('src')))).toEqual([
      '/assets/catalog.js',
    ]);
    expect(await page.textContent('h1')).toContain('<script>alert(3)</script>');
    // Chromium reports the document's own 404 in the console; nothing else may go wrong.
    expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
  });
});
