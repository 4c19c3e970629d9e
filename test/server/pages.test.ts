// The service's pages as HTML: the page's words in each language (read from the pages under
// docs/project/texts, an outside oracle), class labels, the paste box without JavaScript, and a
// page per code and per reason. The browser's view is test/server/browser.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog, describeReason, explain, type LocaleData, languages } from '../../src/index.ts';
import { pageTexts } from '../../src/internal/page-texts.ts';
import { limits } from '../../src/server/openapi.ts';
import { escapeHtml } from '../../src/server/page/html.ts';
import { createHandler, handler } from '../../src/server.ts';
import { localeFile } from '../helpers/locale-files.ts';
import { word } from '../helpers/page-word.ts';
import { projectRoot } from '../helpers/temp-dir.ts';
import { expectDeclared } from './openapi-check.ts';

async function send(path: string, init: RequestInit = {}) {
  const response = await handler(new Request(`http://localhost${path}`, init));
  const body = await response.text();
  const type = response.headers.get('content-type') ?? '';
  expectDeclared(path.split('?')[0] ?? '', init.method ?? 'GET', response.status, type, body);
  return { status: response.status, headers: response.headers, body };
}

/** The paste box posted as a browser without JavaScript posts it. */
const paste = (input: string, lang: string) =>
  send(`/explain?lang=${lang}`, {
    method: 'POST',
    body: new URLSearchParams({ input }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

const answerOf = (body: string) => body.slice(body.indexOf('<div id="answer"'), body.indexOf('</section>'));
const rowOf = (body: string, id: string) =>
  body.match(new RegExp(`<tr id="${id.replaceAll('.', '\\.')}"[^]*?</tr>`, 'u'))?.[0] ?? '';

describe('the catalog page speaks the reader’s language', () => {
  // Each language that has its page words (a new language shows the English ones until it does).
  it.each(languages().filter((lang) => lang !== 'en' && lang in pageTexts))(
    '%s: its own words, no English interface word',
    async (lang) => {
      const { body } = await send(`/?lang=${lang}`);
      for (const key of [
        'title',
        'reply-codes',
        'enhanced-codes',
        'filter-button',
        'ask-heading',
        'column-description',
      ])
        expect(body).toContain(escapeHtml(word(lang, key)));
      for (const english of ['>Filter<', ' shown', '>Reply codes<', 'The same data as JSON', '· permanent<'])
        expect(body).not.toContain(english);
    },
  );

  it('counts with the language’s plural rules, numbers isolated for bidi', async () => {
    const total = (await send('/?lang=en')).body.match(/<tr id=/gu)?.length ?? 0;
    const ar = (await send('/?lang=ar&q=MailboxUnavailable')).body;
    expect(ar).toMatch(new RegExp(`<p id="count"[^>]*>يظهر عنصر واحد من أصل <bdi>${total}</bdi></p>`, 'u'));
    const ru = (await send('/?lang=ru&q=mailbox')).body;
    const shown = ru.match(/<tr id="[^"]*">/gu)?.length ?? 0;
    expect(shown).toBeGreaterThan(1);
    expect(ru).toContain(`<bdi>${shown}</bdi>`);
  });

  it('keeps a reply code’s class as a localized label, the digits isolated', async () => {
    const row = rowOf((await send('/?lang=fr')).body, '550');
    expect(row).toContain(`<bdi dir="ltr">5xx</bdi> · ${word('fr', 'kind-permanent')}`);
    expect(rowOf((await send('/?lang=de')).body, '450')).toContain(`· ${word('de', 'kind-transient')}`);
  });

  it('links every row to its page, and says where the JSON is', async () => {
    const { body } = await send('/?lang=fr');
    expect(rowOf(body, '550')).toContain('href="/codes/550?lang=fr"');
    expect(rowOf(body, 'X.2.2')).toContain('href="/codes/X.2.2?lang=fr"');
    expect(rowOf(body, 'user-unknown')).toContain(
      'href="/reasons/user-unknown?lang=fr" lang="en" dir="ltr">user-unknown</a>',
    );
    expect(rowOf(body, '550')).toContain('href="/codes/550?lang=fr">550</a>');
    expect(body).toContain('<a href="/v1/codes?lang=fr">/v1/codes</a>');
  });

  it.each(['user unknown', 'User-Unknown', 'mailbox full'])(
    '%s finds the reason of those words, a hyphen between letters read as a space',
    async (query) => {
      const { body } = await send(`/?lang=fr&q=${encodeURIComponent(query)}`);
      const id = query.toLowerCase().replace(' ', '-');
      expect(rowOf(body, id)).not.toMatch(/^<tr [^>]*hidden/u);
      expect(rowOf(body, 'network-error')).toMatch(/^<tr [^>]*hidden/u);
    },
  );

  it('finds an enhanced code as a reply writes it: 5.1.1 shows row X.1.1', async () => {
    const { body } = await send('/?lang=fr&q=5.1.1');
    expect(rowOf(body, 'X.1.1')).not.toMatch(/^<tr [^>]*hidden/u);
  });
});

describe('the paste box without JavaScript (POST /explain)', () => {
  it.each([
    ['fr', '550 5.1.1 The email account that you tried to reach does not exist.'],
    ['de', '421-4.7.0 Try again later, closing connection.\r\n421 4.7.0 (EHLO) mx.example.org'],
    ['zh', 'ECONNREFUSED'],
    ['ar', '5.2.2'],
  ])('%s: explains %j in the page’s language', async (lang, input) => {
    const { status, body, headers } = await paste(input, lang);
    expect(status).toBe(200);
    expect(headers.get('content-language')).toBe(lang);
    // A client error's code is explained as the error it names, as nodemailer would hand it over.
    const expected = explain(/^E[A-Z]+$/u.test(input) ? { code: input } : input, lang);
    expect(expected.text).not.toBe(explain('unknown', lang).text);
    const answer = answerOf(body);
    expect(answer).toContain(escapeHtml(expected.text));
    expect(answer).toContain(escapeHtml(word(lang, `kind-${expected.kind}`)));
    expect(answer).toContain(escapeHtml(word(lang, expected.retryable ? 'retryable-yes' : 'retryable-no')));
    if (expected.reason !== undefined) expect(answer).toContain(escapeHtml(expected.reason.advice.sender));
    // The text stays in the box, escaped.
    expect(body).toContain(`required>${escapeHtml(input)}</textarea>`);
  });

  it('explains a mail log line with its recipient', async () => {
    const line =
      'Dec  2 02:00:00 mx1 postfix/smtp[4242]: 3F2A1B0C4D: to=<ana@example.org>, relay=mx.example.net[192.0.2.25]:25, delay=0.4, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.25] said: 550 5.1.1 <ana@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))';
    const answer = answerOf((await paste(line, 'es')).body);
    expect(answer).toContain('ana@example.org');
    expect(answer).toContain(escapeHtml(word('es', 'answer-recipient')));
  });

  it('reads a whole bounce message: each recipient, counted', async () => {
    const message = readFileSync(join(projectRoot, 'test', 'fixtures', 'bounces', 'rfc3464-report.eml'), 'latin1');
    const answer = answerOf((await paste(message, 'fr')).body);
    const recipients = answer.match(/<article>/gu)?.length ?? 0;
    expect(recipients).toBeGreaterThan(1);
    expect(answer).toContain(`Ce rapport concerne <bdi>${recipients}</bdi> destinataires.`);
  });

  it('reads the words of a bounce copied without its header, as Gmail shows them (with or without the ** of its text part)', async () => {
    // Gmail's notice as its help page "Fix bounced or rejected emails" lays it out; the reply is Postfix's.
    const reply = '550 5.1.1 <ana@example.org>: Recipient address rejected: User unknown in virtual mailbox table';
    const shown = `Address not found\n\nYour message wasn't delivered to ana@example.org because the address couldn't be found, or is unable to receive mail.\n\nThe response from the remote server was:\n${reply}\n`;
    for (const text of [shown, shown.replace('Address not found', '** Address not found **')]) {
      const answer = answerOf((await paste(text, 'fr')).body);
      expect(answer).toContain('ana@example.org');
      expect(answer).toContain(escapeHtml(explain(reply, 'fr').reason?.advice.sender ?? '-'));
      expect(answer.match(/<article>/gu)).toHaveLength(1);
    }
    // Words that are no bounce are still text it cannot read.
    const words = 'Address not found\n\nI looked everywhere for it.';
    expect(answerOf((await paste(words, 'fr')).body)).toContain(escapeHtml(word('fr', 'answer-error')));
  });

  it('says so for text it cannot read, and for a message that is no report', async () => {
    expect(answerOf((await paste('hello there', 'it')).body)).toContain(escapeHtml(word('it', 'answer-error')));
    const letter = 'From: a@example.org\r\nSubject: Hi\r\n\r\nSee you.\r\n';
    expect(answerOf((await paste(letter, 'sv')).body)).toContain(escapeHtml(word('sv', 'bounce-none')));
  });

  it('refuses a form it cannot take with a problem naming why, and bounds what it reads', async () => {
    const json = await send('/explain', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(415);
    const empty = await send('/explain', {
      method: 'POST',
      body: 'q=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('no field \\"input\\"');
  });

  it.each(['de', 'ar', 'zh'])(
    '%s: text too long for the box is a page saying so in the page’s words (a form over 1 MiB: 413)',
    async (lang) => {
      const huge = await paste('5'.repeat(limits.batchBytes + 1), lang);
      expect(huge.status).toBe(413);
      expect(huge.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(huge.headers.get('content-language')).toBe(lang);
      expect(answerOf(huge.body)).toContain(escapeHtml(word(lang, 'answer-too-large')));
      expect(answerOf(huge.body)).toContain(`The form is larger than ${limits.batchBytes} bytes`);
      // The text is not sent back.
      expect(huge.body).toContain('required></textarea>');
      for (const text of ['550 '.repeat(limits.itemChars), '550 x\n'.repeat(limits.replyLines + 1)]) {
        const long = await paste(text, lang);
        expect(long.status).toBe(200);
        expect(answerOf(long.body)).toContain(escapeHtml(word(lang, 'answer-too-large')));
        expect(answerOf(long.body)).not.toContain(escapeHtml(word(lang, 'answer-error')));
      }
      expect(answerOf((await paste('550 '.repeat(limits.itemChars), lang)).body)).toContain(
        `at most ${limits.itemChars} are read`,
      );
    },
  );

  it('the box’s address asked for without its form goes to the page with the box, in the language asked for', async () => {
    for (const [path, init, location] of [
      ['/explain?lang=ar', {}, '/?lang=ar'],
      ['/explain', { headers: { 'accept-language': 'sv-SE, en;q=0.5' } }, '/?lang=sv'],
    ] as const) {
      const { status, headers } = await send(path, init);
      expect(status, path).toBe(303);
      expect(headers.get('location'), path).toBe(location);
    }
  });

  it.each(languages().filter((lang) => lang in pageTexts))(
    '%s: every page starts with a link past the languages to its main content',
    async (lang) => {
      for (const path of [`/?lang=${lang}`, `/codes/550?lang=${lang}`, `/reasons/user-unknown?lang=${lang}`]) {
        const { body } = await send(path);
        expect(body, path).toMatch(
          new RegExp(
            `<body>\\n<a class="skip" href="#main"[^>]*>${escapeRegExp(escapeHtml(word(lang, 'skip-link')))}</a>\\n<header>`,
            'u',
          ),
        );
        expect(body, path).toContain('<main id="main" tabindex="-1">');
      }
    },
  );

  it('carries the words the script shows when the service does not answer, in the page’s language', async () => {
    for (const lang of ['fr', 'ar']) {
      const { body } = await send(`/?lang=${lang}`);
      expect(body).toContain(
        `<template id="answer-failed"><p class="problem">${escapeHtml(word(lang, 'answer-failed'))}</p></template>`,
      );
    }
  });

  it('renders markup sent as text', async () => {
    const { body } = await paste('<script>alert(1)</script>', 'fr');
    expect(body).not.toContain('<script>alert');
    expect(body.match(/<script/gu)).toHaveLength(1);
  });
});

describe('a page per code and per reason', () => {
  it('/codes/550: its text, class and reason, its class’s codes, the other languages and its JSON', async () => {
    const { body, status } = await send('/codes/550?lang=fr');
    expect(status).toBe(200);
    const expected = explain(550, 'fr');
    expect(body).toContain(escapeHtml(expected.text));
    expect(body).toContain('MailboxUnavailable');
    expect(body).toContain('href="/codes/554?lang=fr"');
    expect(body).not.toContain('href="/codes/450?lang=fr"');
    for (const lang of languages()) expect(body).toContain(`href="/codes/550?lang=${lang}"`);
    expect(body).toContain('href="/v1/codes/550?lang=fr"');
    expect(body).toContain('href="/?lang=fr#550"');
  });

  it('/codes/5.1.1: the enhanced code’s text, its neutral row and subject, no member name', async () => {
    const { body } = await send('/codes/5.1.1?lang=ar');
    expect(body).toContain('<html lang="ar" dir="rtl">');
    expect(body).toContain(escapeHtml(explain('5.1.1', 'ar').text));
    expect(body).not.toContain('NotDefined');
    expect(body).toContain('href="/codes/X.1.1?lang=ar"');
    expect(body).toContain('href="/codes/5.1.2?lang=ar"');
    expect(body).toContain('href="/?lang=ar#X.1.1"');
    expect(body).toContain('<bdi dir="ltr">5.1.1</bdi>');
  });

  it.each([
    ['/codes/MailboxUnavailable', '#550'],
    ['/codes/0', '#0'],
    ['/codes/X.2.2', '#X.2.2'],
    ['/codes/455', ''],
    ['/codes/571', ''],
    ['/codes/5.7.708', ''],
  ])('%s links to its row of the list (%s), or to the top when the list has none', async (path, anchor) => {
    const { body, status } = await send(`${path}?lang=de`);
    expect(status).toBe(200);
    const back = /<a href="(\/\?lang=de[^"]*)"[^>]*>([^<]*)<\/a><\/li><\/ul>/u.exec(body);
    expect(back?.slice(1)).toEqual([`/?lang=de${anchor}`, escapeHtml(word('de', 'all-codes'))]);
    if (anchor !== '') expect((await send('/?lang=de')).body).toContain(`<tr id="${anchor.slice(1)}"`);
  });

  it('/codes/X.2.2: what the code is about, with no class, and its classes one link away', async () => {
    const { body } = await send('/codes/X.2.2?lang=fr');
    expect(body).not.toContain(escapeHtml(explain('5.2.2', 'fr').text));
    expect(body).toContain('href="/codes/4.2.2?lang=fr"');
    expect(body).toContain('href="/codes/5.2.2?lang=fr"');
  });

  it('/reasons/user-unknown: why, the advice, the codes leading there, its JSON', async () => {
    const { body } = await send('/reasons/user-unknown?lang=fr');
    const reason = describeReason('user-unknown', 'fr');
    for (const text of [reason.text, reason.advice.sender, reason.advice.admin])
      expect(body).toContain(escapeHtml(text));
    expect(body).toContain('href="/codes/5.1.1?lang=fr"');
    expect(body).toContain('href="/v1/reasons/user-unknown?lang=fr"');
    expect(body).toContain('href="/reasons/user-unknown?lang=zh"');
  });

  // The languages with page words of their own (a language added without its pages says them in English).
  it.each(languages().filter((lang) => lang in pageTexts))(
    "/reasons/network-error in %s: the server's texts, then under its heading how a mail client's own error is told",
    async (lang) => {
      const { body } = await send(`/reasons/network-error?lang=${lang}`);
      const heading = `>${escapeHtml(word(lang, 'client-heading'))}</h2>`;
      const client = localeFile(lang).client?.['network-error'];
      const own = localeFile(lang).reasons?.['network-error'];
      expect(client).toBeDefined();
      for (const text of [own?.why, own?.sender, own?.admin, client?.why, client?.sender, client?.admin]) {
        expect(body).toContain(escapeHtml(text ?? 'missing'));
      }
      // The server's texts first, the client's after the heading.
      const at = body.indexOf(heading);
      expect(at).toBeGreaterThan(body.indexOf(escapeHtml(own?.admin ?? 'missing')));
      expect(body.indexOf(escapeHtml(client?.why ?? 'missing'))).toBeGreaterThan(at);
      // A reason a client error is not told otherwise has no such section.
      expect((await send(`/reasons/user-unknown?lang=${lang}`)).body).not.toContain(heading);
    },
  );

  it.each([
    '/codes/__proto__',
    '/codes/constructor',
    '/codes/X.99.99',
    '/codes/5.1.1.1',
    '/codes/999',
    '/reasons/__proto__',
    '/reasons/toString',
  ])('%s is a 404 page naming it', async (path) => {
    const { status, body, headers } = await send(path);
    expect(status).toBe(404);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(body).toContain(`<bdi dir="ltr">${path.split('/')[2]}</bdi>`);
  });

  it.each(languages().filter((lang) => lang in pageTexts))(
    '%s: a code, a reason or a path the catalog has no page for is a page in the language, linking to the list',
    async (lang) => {
      const [before, after] = word(lang, 'not-found').split('{name}');
      for (const [path, name, init] of [
        [`/codes/999?lang=${lang}`, '999', {}],
        [`/reasons/nope?lang=${lang}`, 'nope', {}],
        [`/nothing/here?lang=${lang}`, '/nothing/here', { headers: { accept: 'text/html,application/xhtml+xml' } }],
      ] as const) {
        const { status, body, headers } = await send(path, init);
        expect(status, path).toBe(404);
        expect(headers.get('content-language')).toBe(lang);
        expect(body).toContain(`${escapeHtml(before ?? '')}<bdi dir="ltr">${name}</bdi>${escapeHtml(after ?? '')}`);
        // The title has no markup: the name is isolated left to right by U+2066 … U+2069.
        expect(/<title[^>]*>([^<]*)<\/title>/u.exec(body)?.[1]).toBe(
          escapeHtml(`${before ?? ''}\u2066${name}\u2069${after ?? ''}`),
        );
        expect(body).toContain(`<a href="/?lang=${lang}"`);
        expect(body).toContain(escapeHtml(word(lang, 'all-codes')));
      }
    },
  );

  it.each([
    ['/codes/5.1.1?lang=ar', 'code-heading', '{code}', '5.1.1'],
    ['/codes/550?lang=ar', 'code-heading', '{code}', '550'],
    ['/reasons/user-unknown?lang=ar', 'reason-heading', '{reason}', 'user-unknown'],
  ])('%s: the title isolates the code or id left to right (U+2066 … U+2069)', async (path, key, slot, value) => {
    const { body } = await send(path);
    expect(/<title[^>]*>([^<]*)<\/title>/u.exec(body)?.[1]).toBe(
      escapeHtml(word('ar', key).replace(slot, `\u2066${value}\u2069`)),
    );
  });

  it('a path outside the pages stays a problem for a program, and the JSON API always answers one', async () => {
    for (const [path, accept] of [
      ['/nothing/here', 'application/json'],
      ['/nothing/here', '*/*'],
      ['/v1/nothing', 'text/html'],
      ['/v1/reasons/nope', 'text/html'],
    ] as const) {
      const { status, headers } = await send(path, { headers: { accept } });
      expect(status, path).toBe(404);
      expect(headers.get('content-type'), path).toBe('application/problem+json');
    }
  });

  it('a long path is shown cut, and its markup as text', async () => {
    const long = `/${'x'.repeat(300)}`;
    const { body } = await send(long, { headers: { accept: 'text/html' } });
    expect(body).toContain(`<bdi dir="ltr">/${'x'.repeat(99)}…</bdi>`);
    const { body: marked } = await send('/%3Cb%3Ehi%3C/b%3E', { headers: { accept: 'text/html' } });
    expect(marked).not.toContain('<b>hi');
  });
});

describe('parts that fell back to English are marked', () => {
  // French and Arabic with their member texts only: everything else falls back to English.
  const membersOnly = (lang: string) => ({ lang, codes: localeFile(lang).codes }) as unknown as LocaleData;
  const english = localeFile('en') as unknown as LocaleData;
  const partial = createHandler(createCatalog([english, membersOnly('fr'), membersOnly('ar')]));
  const get = async (path: string) => (await partial(new Request(`http://localhost${path}`))).text();
  // The page isolates each value it writes in (`<bdi>`).
  const note = (lang: string, language: string) =>
    word(lang, 'fallback-part').replace('{language}', `<bdi>${language}</bdi>`);

  it('says so in the page’s words beside each English part, in its language and direction', async () => {
    const page = await get('/codes/5.1.1?lang=fr');
    const text = explain('550 5.1.1 x', 'en').text;
    expect(page).toContain(
      `<p class="text" lang="en">${escapeHtml(text)} <small class="fallback" lang="fr" dir="ltr">${note('fr', 'anglais')}</small></p>`,
    );
    const ar = await get('/reasons/mailbox-full?lang=ar');
    expect(ar).toContain(
      `<p class="text" lang="en" dir="ltr">${escapeHtml(describeReason('mailbox-full', 'en').text)} `,
    );
    expect(ar).toContain(`<small class="fallback" lang="ar" dir="rtl">${note('ar', 'الإنجليزية')}</small>`);
  });

  it('leaves a part in the page’s own language unmarked', async () => {
    const page = await get('/codes/550?lang=fr');
    expect(page).toContain(`<p class="text">${escapeHtml(localeFile('fr').codes.MailboxUnavailable ?? 'missing')}</p>`);
    const full = (await send('/codes/5.1.1?lang=fr')).body;
    expect(full).not.toContain('class="fallback"');
  });

  it('marks the listing’s rows that fell back, and the API names each part’s language', async () => {
    const list = await get('/?lang=fr');
    expect(rowOf(list, 'X.1.1')).toContain(
      `<small class="fallback" lang="fr" dir="ltr">${note('fr', 'anglais')}</small>`,
    );
    expect(rowOf(list, '550')).not.toContain('fallback');
    const json = JSON.parse(await get('/v1/explain?reply=550%205.1.1%20x&lang=fr'));
    expect(json).toMatchObject({ lang: 'en', enhanced: { lang: 'en' }, reason: { lang: 'en' } });
  });
});

describe('the reason’s link reads in the page’s punctuation', () => {
  it.each(['en', 'zh'])('%s', async (lang) => {
    const answer = answerOf((await paste('550 5.1.1 User unknown', lang)).body);
    const link = `<a href="/reasons/user-unknown?lang=${lang}" lang="en" dir="ltr">user-unknown</a>`;
    // Written from each language's typography: Chinese puts full-width parentheses after a sentence.
    const [open, close] = lang === 'zh' ? ['（', '）'] : [' (', ')'];
    expect(answer).toContain(`${escapeHtml(describeReason('user-unknown', lang).text)}${open}${link}${close}`);
  });
});

/** A text as a regular expression that matches it literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
