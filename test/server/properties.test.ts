// Whatever a client sends, the service answers with a status it means: never a 500, never a
// stack trace, and every error as problem+json.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handler } from '../../src/server.ts';
import * as timeouts from '../helpers/timeouts.ts';
import { expectDeclared } from './openapi-check.ts';

const segment = fc.oneof(
  fc.constantFrom(
    'v1',
    'codes',
    'explain',
    'languages',
    'reasons',
    'user-unknown',
    '550',
    '5.1.1',
    '__proto__',
    'openapi.json',
    'healthz',
    '..',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }).map(encodeURIComponent),
  fc.string({ maxLength: 8 }).map((text) => text.replace(/[/?#]/gu, '')),
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%00', '<script>', '"\'><img>'),
);
const path = fc.array(segment, { maxLength: 4 }).map((segments) => `/${segments.join('/')}`);
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom('lang', 'q', 'reply', 'x', 'lang'),
      fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('fr', 'ar-EG', '<b>', '__proto__', '550 5.1.1 x')),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => (pairs.length === 0 ? '' : `?${new URLSearchParams(pairs).toString()}`));
const headerValue = fc.string({ maxLength: 40 }).map((text) => text.replace(/[^\t\x20-\x7e]/gu, ''));
const headers = fc.record(
  {
    'accept-language': fc.oneof(headerValue, fc.constantFrom('fr-CA;q=0.5, ar', '*;q=0', 'x;q=2, fr;q=')),
    'content-type': fc.oneof(
      headerValue,
      fc.constantFrom('application/json', 'text/plain', 'text/plain; charset=utf-8'),
    ),
    'if-none-match': fc.oneof(headerValue, fc.constantFrom('*', 'W/"x"')),
    origin: headerValue,
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json().map(String),
  fc
    .array(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object()), { maxLength: 5 })
    .map((items) => JSON.stringify(items)),
  fc.uint8Array({ maxLength: 64 }),
);
const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH');

/**
 * An error answer: a problem naming what was wrong, with no stack; a page route's 404 is the
 * page saying so (no request here asks for HTML elsewhere).
 */
function expectErrorAnswer(response: Response, text: string, verb: string, pathname: string) {
  if (response.status === 404 && /^\/(?:codes|reasons)\/[^/]+\/?$/u.test(pathname)) {
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    if (verb !== 'HEAD') expect(text).toContain('<h1');
    return;
  }
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  // HEAD gets the headers of the problem, not its body.
  const problem = verb === 'HEAD' ? { status: response.status, detail: '-' } : JSON.parse(text);
  expect(problem.status).toBe(response.status);
  expect(problem.detail.length).toBeGreaterThan(0);
  expect(text).not.toMatch(/\n\s+at /u);
}

// 600 random requests through the whole handler.
describe('random requests', { timeout: timeouts.exhaustive }, () => {
  it('never get a 500; every error is problem+json naming what was wrong', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, query, headers, body, async (verb, where, search, sent, payload) => {
        const init: RequestInit = { method: verb, headers: sent };
        if (verb === 'POST' || verb === 'PUT' || verb === 'PATCH') init.body = payload;
        const response = await handler(new Request(`http://localhost${where}${search}`, init));
        const text = await response.text();
        expect(response.status).toBeLessThan(500);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        const pathname = new URL(`http://localhost${where}`).pathname;
        if (response.status >= 400) expectErrorAnswer(response, text, verb, pathname);
        const type = response.headers.get('content-type') ?? '';
        expectDeclared(pathname, verb, response.status, type, text);
      }),
      { numRuns: 600 },
    );
  });

  // Hostile bodies under the byte limit: nesting thousands deep where a reply's lines go, item
  // and line counts far past the limits, and lines of the wrong types.
  const nested = fc
    .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[', '{"a":'))
    .map(([depth, open]) => `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`);
  const hostileItem = fc.oneof(
    nested.map((lines) => `{"code":550,"text":"x","lines":${lines}}`),
    nested,
    fc
      .array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 300 })
      .map((lines) => JSON.stringify({ code: 550, text: 'x', lines })),
    fc.integer({ min: 0, max: 200_000 }).map((count) => JSON.stringify(`${'550-x\n'.repeat(count)}550 x`)),
  );
  const hostileBody = fc.oneof(
    fc.tuple(hostileItem, fc.integer({ min: 1, max: 3 })).map(([item, count]) => ({
      body: `[${Array.from({ length: count }, () => item).join(',')}]`,
      type: 'application/json',
    })),
    fc
      .integer({ min: 0, max: 200_000 })
      .map((count) => ({ body: `[${'1,'.repeat(count)}1]`, type: 'application/json' })),
    fc
      .tuple(fc.integer({ min: 0, max: 500_000 }), fc.constantFrom('\n', '\r\n', '250 OK\n'))
      .map(([count, line]) => ({ body: line.repeat(count), type: 'text/plain' })),
  );

  it('hostile bodies (deep nesting, huge counts, wrong types) never get a 500', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody, fc.boolean(), async ({ body, type }, viaQuery) => {
        const request = viaQuery
          ? new Request(`http://localhost/v1/explain?reply=${encodeURIComponent(body.slice(0, 3000))}`)
          : new Request('http://localhost/v1/explain', { method: 'POST', body, headers: { 'content-type': type } });
        const response = await handler(request);
        const text = await response.text();
        expect(response.status, body.slice(0, 80)).toBeLessThan(500);
        expectDeclared(
          new URL(request.url).pathname,
          request.method,
          response.status,
          response.headers.get('content-type') ?? '',
          text,
        );
      }),
      { numRuns: 60 },
    );
  });
});
