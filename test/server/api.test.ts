import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { acceptLanguageRanges } from '../../src/catalog/negotiate-language.ts';
import { SmtpStatusCode } from '../../src/catalog/smtp-status-code.ts';
import { createCatalog, describe as describeCode, explain, languages, reasonIds } from '../../src/index.ts';
import fr from '../../src/locales/fr.ts';
import { createApp } from '../../src/server/app.ts';
import { notModified } from '../../src/server/entity-tag.ts';
import { limits, openApiDocument } from '../../src/server/openapi.ts';
import { escapeHtml } from '../../src/server/page/html.ts';
import { createHandler, handler } from '../../src/server.ts';
import { localeFile, localeFiles } from '../helpers/locale-files.ts';
import { projectRoot } from '../helpers/temp-dir.ts';
import { expectDeclared } from './openapi-check.ts';

// A Postfix delivery line, written for these tests after Postfix's documented log format.
const postfixLine =
  'Dec  2 02:00:00 mx1 postfix/smtp[4242]: 3F2A1B0C4D: to=<ana@example.org>, relay=mx.example.net[192.0.2.25]:25, delay=0.4, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.25] said: 550 5.1.1 <ana@example.org>: Recipient address rejected: User unknown (in reply to RCPT TO command))';

/** Sends a request to the handler; checks the answer against openapi.json and the headers every answer carries. */
async function send(path: string, init: RequestInit = {}, handle = handler) {
  const response = await handle(new Request(`http://localhost${path}`, init));
  const body = await response.text();
  const type = response.headers.get('content-type') ?? '';
  expectDeclared(path.split('?')[0] ?? '', init.method ?? 'GET', response.status, type, body);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  if (response.status >= 400) {
    expect(type).toBe('application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ status: response.status });
  }
  return { status: response.status, headers: response.headers, body, json: () => JSON.parse(body) };
}

/**
 * What the service answers for an input: `explain`'s answer, whose text is `describe`'s sentence
 * (the contract of issue 21: once the catalog gives it, this is `explain(input, lang)` itself).
 */
function explained(input: unknown, lang: string) {
  return { ...explain(input, lang), text: describeCode(input as never, lang) };
}

describe('openapi.json', () => {
  it('is a valid OpenAPI 3.1 description (@seriousme/openapi-schema-validator) of this package version', async () => {
    const { body } = await send('/openapi.json');
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(body));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
    expect(JSON.parse(body).info.version).toBe(packageJson.version);
  });

  // Requests for every operation the served document lists: each is answered by a route (not
  // 404 or 405) with a status and body the document declares (`send` checks them).
  const served = JSON.parse(JSON.stringify(openApiDocument)) as {
    paths: Record<
      string,
      Record<string, { parameters?: { name?: string; in?: string }[]; requestBody?: { content: object } }>
    >;
  };
  // A body for each media type an operation takes, the first the document lists being sent.
  const bodies: Record<string, string | Buffer> = {
    'application/json': '["250 OK"]',
    'message/rfc822': readFileSync(join(projectRoot, 'test', 'fixtures', 'bounces', 'exim-delayed.eml')),
    'application/x-www-form-urlencoded': 'input=250+OK',
  };
  const operations = Object.entries(served.paths).flatMap(([template, item]) =>
    Object.keys(item).map((method) => [method.toUpperCase(), template] as const),
  );
  it.each(operations)('%s %s is answered as documented', async (method, template) => {
    // The first success or redirect the document declares (200, or 303 for the box's address).
    const responses = (served.paths[template]?.[method.toLowerCase()] as { responses?: object } | undefined)?.responses;
    const expected = Number(Object.keys(responses ?? {}).find((status) => /^[23]/u.test(status)));
    const path = template.replace('{code}', '550').replace('{id}', 'user-unknown');
    const query = template === '/v1/explain' && method === 'GET' ? '?reply=250%20OK' : '';
    const type = Object.keys(served.paths[template]?.[method.toLowerCase()]?.requestBody?.content ?? {})[0];
    const body = type === undefined ? undefined : bodies[type];
    if (type !== undefined) expect(body, `a body of ${type}`).toBeDefined();
    const init: RequestInit =
      type === undefined || body === undefined ? { method } : { method, body, headers: { 'content-type': type } };
    const { status } = await send(`${path}${query}`, init);
    expect(status).toBe(expected);
    if (method === 'GET') expect((await send(`${path}${query}`, { method: 'HEAD' })).status).toBe(expected);
  });

  it('lists every route the service has, and the service has no route it does not list', () => {
    const documented = new Set(Object.keys(served.paths).map((template) => template.replace(/\{(\w+)\}/gu, ':$1')));
    const app = createApp({ catalog: createCatalog([fr]), enhancedCodes: [] });
    const answered = new Set(app.routes.filter((route) => route.method !== 'ALL').map((route) => route.path));
    expect(answered).toEqual(documented);
    for (const route of app.routes.filter((each) => each.method !== 'ALL' && each.method !== 'OPTIONS')) {
      const template = route.path.replace(/:(\w+)/gu, '{$1}');
      expect(Object.keys(served.paths[template] ?? {}), `${route.method} ${route.path}`).toContain(
        route.method.toLowerCase(),
      );
    }
  });

  it('answers a route’s path with a slash after it as the route, as the document declares it', async () => {
    for (const [path, status] of [
      ['/healthz/', 200],
      ['/v1/languages/', 200],
      ['/explain/?lang=ar', 303],
    ] as const) {
      expect((await send(path)).status, path).toBe(status);
    }
  });

  it.each(['/v1', '/v1/code/550', '/v1/explain/550', '/assets/other.css', '/openapi.yaml', '/healthz/x'])(
    'an undocumented path %s is a 404',
    async (path) => {
      expect((await send(path)).status).toBe(404);
    },
  );
});

describe('GET /v1/codes/{code}', () => {
  it.each([
    ['550', 550],
    ['MailboxUnavailable', 550],
    ['-1', -1],
    ['0', 0],
    ['571', 571],
    ['200', 200],
    ['599', 599],
  ])('%s is explained as explain(%j) explains it', async (path, code) => {
    const { status, json, headers } = await send(`/v1/codes/${path}?lang=fr-CA`);
    expect(status).toBe(200);
    expect(json()).toEqual(explain(code, 'fr-CA'));
    expect(headers.get('content-language')).toBe('fr');
    expect(headers.get('vary')).toBe('Accept-Language');
    expect(headers.get('cache-control')).toMatch(/^public, max-age=\d+$/u);
    expect(headers.get('etag')).toMatch(/^"[0-9a-f]{16}-[0-9a-f]+"$/u);
  });

  it.each(['abc', '600', '199', '1000', '3.5', '__proto__', 'constructor', 'toString', '%3Cscript%3E'])(
    '%s is a 400 problem naming the value',
    async (code) => {
      const { status, json } = await send(`/v1/codes/${code}`);
      expect(status).toBe(400);
      const value = decodeURIComponent(code);
      expect(json().detail).toContain(/^\d+$/u.test(value) ? `: ${value} (` : JSON.stringify(value));
    },
  );

  it("5.1.1 is explained with the enhanced code's description as its text", async () => {
    const { status, json } = await send('/v1/codes/5.1.1?lang=fr');
    expect(status).toBe(200);
    expect(json()).toEqual(explained('5.1.1', 'fr'));
    // The French registry sentence of X.1.1, after the class sentence of 5.X.X (the shipped texts).
    expect(json().text).toContain(fr.enhanced?.['X.1.1']);
    expect(json().text).not.toBe(fr.codes.NotDefined);
  });

  it('a value the enumeration lists and a member name give byte-identical bodies', async () => {
    expect((await send('/v1/codes/550')).body).toBe((await send('/v1/codes/MailboxUnavailable')).body);
  });
});

describe('language', () => {
  it.each([
    [{ lang: 'ru' }, 'fr', 'ru'],
    [{}, 'fr-CA;q=0.5, ar;q=0.9', 'ar'],
    [{}, 'qaa-BR, it;q=0.8, *;q=0.1', 'it'],
    [{}, 'tr;q=0', 'en'],
    [{}, undefined, 'en'],
    [{ lang: '' }, 'ru', 'ru'],
    [{ lang: 'x-<b>' }, 'fr', 'en'],
    [{ lang: '__proto__' }, undefined, 'en'],
  ])('?%j with Accept-Language %j → %s', async (query, acceptLanguage, expected) => {
    const headers: Record<string, string> = acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage };
    const search = new URLSearchParams(query).toString();
    const { json, headers: answer } = await send(`/v1/codes/451${search ? `?${search}` : ''}`, { headers });
    expect(json().lang).toBe(expected);
    expect(answer.get('content-language')).toBe(expected);
    expect(json().text).toBe(describeCode(451, expected));
  });

  it.each([
    ['fr-CA;q=0.8, ar, *;q=0.1', ['ar', 'fr-CA']],
    ['da, en-gb;q=0.8, en;q=0.7', ['da', 'en-gb', 'en']],
    ['fr;q=1.0, it;q=1.5, ru;q=abc, tr;q=0.001', ['fr', 'tr']],
    ['', []],
    [' , ;q=1, en ; q = 0.5 ', ['en']],
  ])('Accept-Language %j is read as %j', (header, expected) => {
    expect(acceptLanguageRanges(header)).toEqual(expected);
  });

  it('Content-Language is the language used, not the one asked for', async () => {
    const catalog = createCatalog([fr]);
    const { headers, json } = await send('/v1/codes/550?lang=de', {}, createHandler(catalog));
    expect(json().lang).toBe('fr');
    expect(headers.get('content-language')).toBe('fr');
  });
});

describe('GET /v1/codes and /v1/languages', () => {
  it('lists every member, explained in the negotiated language', async () => {
    const { json, headers } = await send('/v1/codes', { headers: { 'accept-language': 'it-CH' } });
    expect(json().lang).toBe('it');
    expect(json().codes).toEqual(Object.values(SmtpStatusCode).map((code) => explain(code, 'it')));
    expect(headers.get('content-language')).toBe('it');
  });

  it('names every served language in itself, with its direction', async () => {
    const { json, headers } = await send('/v1/languages');
    expect(json().default).toBe('en');
    expect(json().languages.map((language: { tag: string }) => language.tag)).toEqual(languages());
    expect(json().languages).toContainEqual({ tag: 'ar', name: 'العربية', dir: 'rtl' });
    expect(json().languages).toContainEqual({ tag: 'fr', name: 'français', dir: 'ltr' });
    expect(headers.get('vary')).toBeNull();
  });
});

describe('GET /v1/reasons and /v1/reasons/{id}', () => {
  /**
   * A reason as the locale file of `lang` writes it (the generated JSON, not the catalog), with
   * its texts for a mail client's own error where the file has some.
   */
  const fromFile = (id: string, lang: string) => {
    const texts = localeFile(lang).reasons?.[id];
    const reason = { id, lang, text: texts?.why, advice: { sender: texts?.sender, admin: texts?.admin } };
    const client = localeFile(lang).client?.[id];
    if (client === undefined) return reason;
    return { ...reason, client: { lang, text: client.why, advice: { sender: client.sender, admin: client.admin } } };
  };

  it.each(localeFiles.map((locale) => locale.lang))(
    'lists every reason in %s, with its why and both pieces of advice from the locale file',
    async (lang) => {
      const { status, json, headers } = await send('/v1/reasons', { headers: { 'accept-language': `${lang};q=0.9` } });
      expect(status).toBe(200);
      expect(json().lang).toBe(lang);
      expect(json().reasons.map((reason: { id: string }) => reason.id)).toEqual([...reasonIds]);
      // A language without its reasons page yet (upstream texts only) answers them in English.
      const own = localeFile(lang).reasons === undefined ? 'en' : lang;
      if (own === lang) expect(Object.keys(localeFile(lang).reasons ?? {}).sort()).toEqual([...reasonIds].sort());
      expect(json().reasons).toEqual(reasonIds.map((id) => fromFile(id, own)));
      expect(headers.get('content-language')).toBe(lang);
      expect(headers.get('vary')).toBe('Accept-Language');
      expect(headers.get('cache-control')).toMatch(/^public, max-age=\d+$/u);
    },
  );

  it.each([
    ['user-unknown', 'fr-CA', 'fr'],
    ['blocked', 'ar-EG', 'ar'],
    ['rate-limited', 'zh', 'zh'],
    ['unknown', 'qaa-BR', 'en'],
    ['network-error', 'sv-FI', 'sv'],
    ['failed-starttls', 'tr', 'tr'],
  ])("%s in %s is the %s locale file's texts", async (id, asked, lang) => {
    const { status, json, headers } = await send(`/v1/reasons/${id}?lang=${asked}`);
    expect(status).toBe(200);
    expect(json()).toEqual(fromFile(id, lang));
    expect(headers.get('content-language')).toBe(lang);
    expect(headers.get('etag')).toMatch(/^"[0-9a-f]{16}-[0-9a-f]+"$/u);
  });

  it("the reasons a mail client's own error is told otherwise have those texts as client, and only they", async () => {
    const { json } = await send('/v1/reasons?lang=es');
    const withClient = json()
      .reasons.filter((reason: { client?: unknown }) => reason.client !== undefined)
      .map((reason: { id: string }) => reason.id);
    expect(withClient.sort()).toEqual(['failed-starttls', 'network-error']);
    // What explain tells a mail client whose connection was refused.
    const refused = explain({ code: 'ECONNECTION', errno: -111, syscall: 'connect' }, 'es');
    expect(refused.reason?.id).toBe('network-error');
    const listed = json().reasons.find((reason: { id: string }) => reason.id === 'network-error');
    expect(listed.client).toEqual({ lang: 'es', text: refused.reason?.text, advice: refused.reason?.advice });
    expect(listed.client.text).not.toBe(listed.text);
  });

  it('a reason given an explanation is the one the route describes, texts and advice alike', async () => {
    const explained = explain(
      '550 5.7.1 Service unavailable; Client host [192.0.2.30] blocked using zen.spamhaus.org',
      'de',
    );
    const { json } = await send(`/v1/reasons/${explained.reason?.id}?lang=de`);
    expect(json()).toEqual({
      id: explained.reason?.id,
      lang: 'de',
      text: explained.reason?.text,
      advice: explained.reason?.advice,
    });
  });

  it("a reason a language lacks is said in the fallback's words, and says so in lang", async () => {
    const catalog = createCatalog([fr, { lang: 'de', codes: fr.codes }]);
    const { json, headers } = await send('/v1/reasons/mailbox-full?lang=de', {}, createHandler(catalog));
    // The catalog has no English: French, its only language with reason texts, answers.
    expect(json()).toEqual(fromFile('mailbox-full', 'fr'));
    expect(headers.get('content-language')).toBe('fr');
    const list = (await send('/v1/reasons?lang=de', {}, createHandler(catalog))).json();
    expect(list.lang).toBe('de');
    expect(list.reasons.every((reason: { lang: string }) => reason.lang === 'fr')).toBe(true);
  });

  it.each(['userunknown', 'User-Unknown', '__proto__', 'constructor', 'toString', '%3Cscript%3E', 'a'.repeat(3000)])(
    '%s is a 404 problem naming the id, cut short',
    async (id) => {
      const { status, json } = await send(`/v1/reasons/${id}`);
      expect(status).toBe(404);
      const value = decodeURIComponent(id);
      expect(json().detail).toContain(JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value));
      expect(json().detail.length).toBeLessThan(200);
    },
  );

  it('an id past the URL limit is a 414, not read', async () => {
    expect((await send(`/v1/reasons/${'x'.repeat(limits.url)}`)).status).toBe(414);
  });

  it('answers are computed once: the same body, and 304 for its validator', async () => {
    const first = await send('/v1/reasons?lang=it');
    const again = await send('/v1/reasons', {
      headers: { 'accept-language': 'it', 'if-none-match': first.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
    expect((await send('/v1/reasons/expired?lang=it')).body).toBe((await send('/v1/reasons/expired?lang=it')).body);
  });
});

describe('GET /v1/explain', () => {
  it('explains one reply as explain does', async () => {
    const reply = '550-5.1.1 No such user\r\n550 5.1.1 Check the address';
    const { status, json } = await send(`/v1/explain?reply=${encodeURIComponent(reply)}&lang=ar`);
    expect(status).toBe(200);
    expect(json()).toEqual(explained(reply, 'ar'));
  });

  it('explains a mail log line, with the recipient it names', async () => {
    const { status, json } = await send(`/v1/explain?reply=${encodeURIComponent(postfixLine)}&lang=fr`);
    expect(status).toBe(200);
    expect(json()).toMatchObject({ code: 550, kind: 'permanent', recipient: 'ana@example.org', lang: 'fr' });
    expect(json().enhanced.code).toBe('5.1.1');
    expect(json().text).toBe(describeCode('550 5.1.1 x', 'fr'));
  });

  it('is a 400 problem without a reply, or for what is not one', async () => {
    expect((await send('/v1/explain')).json().detail).toContain('"reply"');
    const { status, json } = await send('/v1/explain?reply=hello%20world');
    expect(status).toBe(400);
    expect(json().detail).toContain('"hello world"');
  });
});

describe('POST /v1/explain', () => {
  const post = (body: NonNullable<RequestInit['body']>, type: string | undefined, path = '/v1/explain?lang=fr') =>
    send(path, { method: 'POST', body, headers: type === undefined ? {} : { 'content-type': type } });

  it('explains a JSON array item by item; an item that is not a reply gets an error naming it', async () => {
    const items = ['452 4.2.2 Mailbox full', 550, 'nope', { responseCode: 421 }, null];
    const { status, json, headers } = await post(JSON.stringify(items), 'application/json');
    expect(status).toBe(200);
    expect(headers.get('content-language')).toBe('fr');
    expect(headers.get('cache-control')).toBe('no-store');
    const { results } = json();
    expect(results[0]).toEqual(explained('452 4.2.2 Mailbox full', 'fr'));
    expect(results[1]).toEqual(explained(550, 'fr'));
    expect(results[2].error).toContain('"nope"');
    expect(results[3]).toEqual(explained({ responseCode: 421 }, 'fr'));
    expect(results[4].error).toContain('null');
  });

  it('explains text/plain one reply per line', async () => {
    const { json } = await post('250 OK\r\n451 4.3.0 Try later\n', 'text/plain; charset=UTF-8');
    expect(json().results).toEqual([explained('250 OK', 'fr'), explained('451 4.3.0 Try later', 'fr')]);
  });

  it('explains mail log lines, JSON or text, with their recipients', async () => {
    const fromJson = (await post(JSON.stringify([postfixLine, '250 OK']), 'application/json')).json().results;
    const fromText = (await post(`${postfixLine}\n250 OK\n`, 'text/plain')).json().results;
    for (const results of [fromJson, fromText]) {
      expect(results[0]).toMatchObject({ code: 550, recipient: 'ana@example.org' });
      expect(results[0].text).toBe(describeCode('550 5.1.1 x', 'fr'));
      expect(results[1]).toEqual(explained('250 OK', 'fr'));
    }
  });

  it('takes exactly the item and byte limits, and answers 413 past them', async () => {
    const most = Array.from({ length: limits.batchItems }, () => '250 OK');
    expect((await post(JSON.stringify(most), 'application/json')).status).toBe(200);
    expect((await post(JSON.stringify([...most, '250 OK']), 'application/json')).status).toBe(413);
    const past = await post(`${'250 OK\n'.repeat(limits.batchItems)}250 OK\n`, 'text/plain');
    expect(past.status).toBe(413);
    expect(past.json().detail).toBe(
      `The batch has more than ${limits.batchItems} items; at most ${limits.batchItems} are taken`,
    );
    const big = `["${'x'.repeat(limits.batchBytes)}"]`;
    const { status, json } = await post(big, 'application/json');
    expect(status).toBe(413);
    expect(json().detail).toContain(String(limits.batchBytes));
    // A body larger than it says is cut off as it streams, without a Content-Length to trust.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(limits.batchBytes / 2));
        controller.close();
      },
    });
    const streamed = await send('/v1/explain', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'text/plain' },
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it.each([
    [undefined, 415],
    ['application/xml', 415],
    ['text/plain; charset=latin1', 415],
    ['application/x-www-form-urlencoded', 415],
  ])('Content-Type %s → %i', async (type, expected) => {
    // Bytes: a string body would get text/plain from Request itself.
    const { status, json } = await post(new TextEncoder().encode('250 OK'), type);
    expect(status).toBe(expected);
    expect(json().detail).toContain('Content-Type');
  });

  it.each([
    ['{"not":"an array"}', 'a JSON array'],
    ['[1,', 'not JSON'],
    ['null', 'got null'],
  ])('a JSON body %s is a 400 problem (%s)', async (body, detail) => {
    const { status, json } = await post(body, 'application/json');
    expect(status).toBe(400);
    expect(json().detail).toContain(detail);
  });

  it.each([
    [[{ code: 550, text: 'x', lines: [42] }], '"lines"[0] must be a string, got 42'],
    [[{ code: 550, text: 'x', lines: 'abc' }], '"lines" must be an array of strings, got "abc"'],
    [['250 OK', { code: 550, text: 7, lines: [] }], 'Item at index 1 "text" must be a string, got 7'],
    [[{ response: null }], '"response" must be a string, got null'],
    [[['550 5.1.1 x']], 'got an array'],
  ])('an item of the wrong shape, %j, is a 400 problem naming the value', async (items, detail) => {
    const { status, json } = await post(JSON.stringify(items), 'application/json');
    expect(status).toBe(400);
    expect(json().detail).toContain(detail);
  });

  it('lines nested 5,000 deep in a 10 kB body are a 400 problem, read without recursion', async () => {
    const body = `[{"code":550,"text":"x","lines":${'['.repeat(5000)}${']'.repeat(5000)}}]`;
    expect(body.length).toBeLessThan(10_100);
    const { status, json } = await post(body, 'application/json');
    expect(status).toBe(400);
    expect(json().detail).toContain(`deeper than ${limits.jsonDepth}`);
  });

  it('takes exactly the line and character limits of one item, and refuses past them', async () => {
    const lines = Array.from({ length: limits.replyLines }, (_, index) => `5.1.1 line ${index}`);
    const reply = { code: 550, text: 'x', lines };
    expect((await post(JSON.stringify([reply]), 'application/json')).status).toBe(200);
    const more = { ...reply, lines: [...lines, 'one more'] };
    expect((await post(JSON.stringify([more]), 'application/json')).json().detail).toContain(
      `at most ${limits.replyLines}`,
    );
    const text = `550-x\n${'550-x\n'.repeat(limits.replyLines - 1)}550 x`;
    expect((await post(JSON.stringify([text]), 'application/json')).status).toBe(400);
    const long = `550 ${'x'.repeat(limits.itemChars)}`;
    for (const [body, type] of [
      [JSON.stringify([long]), 'application/json'],
      [`250 OK\n${long}\n`, 'text/plain'],
    ]) {
      const { status, json } = await post(body as string, type as string);
      expect(status).toBe(400);
      expect(json().detail).toContain(String(limits.itemChars));
    }
  });

  it.each([
    ['a body of newlines', '\n'.repeat(limits.batchBytes), 'text/plain'],
    ['a JSON array of 500,000 numbers', `[${'0,'.repeat(limits.batchBytes / 2 - 2)}0]`, 'application/json'],
  ])('%s under the byte limit is a 413 for its item count', async (_, body, type) => {
    const { status, json } = await post(body, type);
    expect(status).toBe(413);
    expect(json().detail).toContain(`at most ${limits.batchItems}`);
  });

  it('GET ?reply= is bounded like a batch item', async () => {
    const reply = `${'550-x\n'.repeat(limits.replyLines)}550 x`;
    const { status, json } = await send(`/v1/explain?reply=${encodeURIComponent(reply)}`);
    expect(status).toBe(400);
    expect(json().detail).toContain(`more than ${limits.replyLines} lines`);
  });

  it('a body that is not UTF-8 is a 400 problem', async () => {
    const { status, json } = await post(new Uint8Array([0x32, 0x35, 0x30, 0x20, 0xff]), 'text/plain');
    expect(status).toBe(400);
    expect(json().detail).toContain('UTF-8');
  });
});

describe('HTTP semantics', () => {
  it('a strong ETag; If-None-Match gets 304 with the same validators and no body', async () => {
    const first = await send('/v1/codes/550', { headers: { 'accept-language': 'fr' } });
    const etag = first.headers.get('etag') ?? '';
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await send('/v1/codes/550', { headers: { 'accept-language': 'fr', 'if-none-match': header } });
      expect(again.status, header).toBe(304);
      expect(again.body).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('vary')).toBe('Accept-Language');
      expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    }
    const other = await send('/v1/codes/550', { headers: { 'accept-language': 'ru', 'if-none-match': etag } });
    expect(other.status).toBe(200);
    expect(other.headers.get('etag')).not.toBe(etag);
    expect(notModified(undefined, etag)).toBe(false);
  });

  it.each([
    '/',
    '/v1/languages',
    '/v1/codes',
    '/v1/codes/550',
    '/v1/reasons',
    '/v1/reasons/user-unknown',
    '/v1/explain?reply=250%20OK',
    '/openapi.json',
    '/healthz',
  ])('HEAD %s: the GET status and headers, no body', async (path) => {
    const get = await send(path);
    const head = await send(path, { method: 'HEAD' });
    expect(head.status).toBe(get.status);
    expect(head.body).toBe('');
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
  });

  it.each([
    ['DELETE', '/v1/codes/550', 'GET, HEAD'],
    ['POST', '/v1/reasons/blocked', 'GET, HEAD'],
    ['PUT', '/v1/explain', 'GET, HEAD, POST'],
    ['POST', '/', 'GET, HEAD'],
    ['PATCH', '/healthz', 'GET, HEAD'],
  ])('%s %s is 405 with Allow: %s', async (method, path, allow) => {
    const { status, headers, json } = await send(path, { method });
    expect(status).toBe(405);
    expect(headers.get('allow')).toBe(allow);
    expect(json().detail).toContain(JSON.stringify(method));
  });

  it('a CORS preflight is answered for any origin, without credentials', async () => {
    const { status, headers } = await send('/v1/explain', {
      method: 'OPTIONS',
      headers: { origin: 'https://mail.example', 'access-control-request-method': 'POST' },
    });
    expect(status).toBe(204);
    expect(headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST');
    expect(headers.get('access-control-allow-headers')).toContain('Content-Type');
    expect(headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('an unknown route is a 404 problem naming the path, escaped', async () => {
    const { status, json, body } = await send('/v2/<script>alert(1)</script>');
    expect(status).toBe(404);
    expect(json().detail).toContain('/v2/<script>alert(1)</script>');
    expect(body).not.toMatch(/[<>]/u);
  });

  it('an over-long URL is a 414 problem', async () => {
    const { status, json } = await send(`/v1/codes/550?lang=${'a'.repeat(limits.url)}`);
    expect(status).toBe(414);
    expect(json().detail).toContain(String(limits.url));
  });

  it('/healthz answers ok, never cached', async () => {
    const { json, headers } = await send('/healthz');
    expect(json()).toEqual({ status: 'ok' });
    expect(headers.get('cache-control')).toBe('no-store');
  });
});

describe('the catalog page', () => {
  it('is French for ?lang=fr: every member and enhanced code, lang and dir set, a strict CSP', async () => {
    const { body, headers } = await send('/?lang=fr');
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('content-language')).toBe('fr');
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(headers.get('content-security-policy')).not.toContain('unsafe');
    expect(body).toContain('<html lang="fr" dir="ltr">');
    for (const code of Object.values(SmtpStatusCode)) {
      expect(body).toContain(`<tr id="${code}"`);
      expect(body).toContain(escapeHtml(describeCode(code, 'fr')));
    }
    expect(body).toContain('<tr id="X.1.1"');
  });

  // X.2.2 (mailbox full) is often temporary, X.7.1 covers greylisting: a listing says what each
  // code is about (its French registry sentence, as shipped) and never how a request ended.
  it.each(['X.1.1', 'X.2.2', 'X.7.1'])('lists %s by what it is about, without a class', async (code) => {
    const { body } = await send('/?lang=fr');
    const row = body.match(new RegExp(`<tr id="${code.replaceAll('.', '\\.')}"[^]*?</tr>`, 'u'))?.[0] ?? '';
    expect(row).toContain(escapeHtml(fr.enhanced?.[code as 'X.1.1'] ?? '-'));
    for (const classKey of ['2.X.X', '4.X.X', '5.X.X'] as const) {
      expect(row).not.toContain(escapeHtml(fr.enhanced?.[classKey] ?? '-'));
    }
  });

  it('is right to left in Arabic', async () => {
    const { body } = await send('/', { headers: { 'accept-language': 'ar-EG' } });
    expect(body).toContain('<html lang="ar" dir="rtl">');
  });

  it('filters without JavaScript: ?q= hides the rows that do not match', async () => {
    const { body } = await send('/?lang=fr&q=MailboxUnavailable');
    expect(body).toContain('<tr id="550">');
    expect(body).toContain('<tr id="250" hidden>');
    expect(body).toContain('value="MailboxUnavailable"');
  });

  it.each([
    ['lang', '/?lang=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ['q', '/?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E'],
    ['lang and q', "/?lang=fr'%20onmouseover%3D'x&q=<b>'\"&amp;"],
  ])('reflects no markup from %s', async (_, path) => {
    const { body, status } = await send(path);
    expect(status).toBe(200);
    // Markup only as text: no tag, and no quote that would end an attribute.
    expect(body).not.toMatch(/<script>|<img|<b>|' onmouseover/u);
    expect(body.match(/<script/gu)).toHaveLength(1);
  });

  it('serves its style sheet and script with validators', async () => {
    const css = await send('/assets/catalog.css');
    const js = await send('/assets/catalog.js');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('etag')).toBeTruthy();
  });
});

describe('faults of the service', () => {
  // A catalog that fails inside explain: a bug of ours, not the client's.
  const real = createCatalog([fr]);
  const broken: typeof real = {
    ...real,
    explain(input, lang) {
      if (input === 0) return real.explain(input, lang);
      throw new Error('internal detail: table 7 is missing');
    },
  };

  it.each([
    ['GET', '/v1/codes/550'],
    ['GET', '/v1/explain?reply=550%205.1.1%20x'],
    ['POST', '/v1/explain'],
  ])('%s %s: a 500 problem with a generic detail, reported to onError, never a 400', async (method, path) => {
    const reported: unknown[] = [];
    const handle = createHandler(broken, { onError: (error) => reported.push(error) });
    const init: RequestInit =
      method === 'POST' ? { method, body: '["550 5.1.1 x"]', headers: { 'content-type': 'application/json' } } : {};
    const { status, json, body } = await send(path, init, handle);
    expect(status).toBe(500);
    expect(json().detail).toBe('The request could not be answered');
    expect(body).not.toContain('table 7');
    expect(reported).toHaveLength(1);
    expect((reported[0] as Error).message).toContain('table 7');
  });
});

describe('JSON bodies', () => {
  it('carry client text with <, > and & escaped, and parse back to it', async () => {
    const reply = '550 5.1.1 <script>alert("x")</script> & more';
    const { body, json } = await send(`/v1/explain?reply=${encodeURIComponent(reply)}`);
    expect(body).not.toMatch(/[<>&]/u);
    expect(json().reply.text).toBe('<script>alert("x")</script> & more');
  });
});
