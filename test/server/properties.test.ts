// Whatever a client sends, the service answers with a status it means: never a 500, never a
// stack trace, and every error as problem+json.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handler } from '../../src/server.ts';
import * as timeouts from '../helpers/timeouts.ts';
import { expectDeclared } from './openapi-check.ts';

const segment = fc.oneof(
  fc.constantFrom('v1', 'codes', 'explain', 'languages', '550', '5.1.1', '__proto__', 'openapi.json', 'healthz', '..'),
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
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toBe('application/problem+json');
          // HEAD gets the headers of the problem, not its body.
          const problem = verb === 'HEAD' ? { status: response.status, detail: '-' } : JSON.parse(text);
          expect(problem.status).toBe(response.status);
          expect(problem.detail.length).toBeGreaterThan(0);
          expect(text).not.toMatch(/\n\s+at /u);
        }
        const type = response.headers.get('content-type') ?? '';
        expectDeclared(new URL(`http://localhost${where}`).pathname, verb, response.status, type, text);
      }),
      { numRuns: 600 },
    );
  });
});
