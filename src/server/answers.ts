// How the service writes an answer: cacheable bodies computed once (with their validators),
// answers made for one request, and problem documents.
import type { Context } from 'hono';
import { entityTag, notModified } from './entity-tag.js';
import { commonHeaders, type HeaderMap, jsonType } from './headers.js';
import { type ProblemStatus, problem } from './problem.js';

/**
 * A cacheable answer, computed once: its body, and the headers of its `200` and of its `304`.
 */
export interface Answer {
  body: string;
  /** The body as UTF-8, encoded once: sent as it is, not encoded again per request. */
  bytes: Uint8Array;
  ok: HeaderMap;
  notModified: HeaderMap;
  etag: string;
}

/** What an answer's headers say besides its type. */
export interface AnswerOptions {
  /** The language of its texts (`Content-Language`); localized answers also `Vary: Accept-Language`. */
  lang?: string;
  /** The `Content-Security-Policy`, when not the API's. */
  policy?: string;
}

/**
 * An answer for a body: a strong `ETag` and `Cache-Control`, as `200` and as `304` (which
 * carries the same validators and `Vary`, RFC 9110 §15.4.5).
 *
 * @example answer('{"status":"ok"}', jsonType).etag // '"…-f"'
 */
export function answer(body: string, contentType: string, options: AnswerOptions = {}): Answer {
  const etag = entityTag(body);
  const validators: HeaderMap = { ...commonHeaders, ETag: etag, 'Cache-Control': 'public, max-age=86400' };
  if (options.policy !== undefined) validators['Content-Security-Policy'] = options.policy;
  if (options.lang !== undefined) {
    validators.Vary = 'Accept-Language';
    validators['Content-Language'] = options.lang;
  }
  const bytes = new TextEncoder().encode(body);
  return { body, bytes, etag, notModified: validators, ok: { ...validators, 'Content-Type': contentType } };
}

/**
 * `304` when `If-None-Match` holds the answer's validator, the body otherwise.
 *
 * @example app.get('/healthz', (c) => send(c, cachedAnswer))
 */
export function send(c: Context, cached: Answer): Response {
  return notModified(c.req.header('if-none-match'), cached.etag)
    ? new Response(null, { status: 304, headers: cached.notModified })
    : new Response(cached.bytes, { status: 200, headers: cached.ok });
}

/**
 * JSON text with `<`, `>` and `&` escaped (`\u003c`…): bodies carry client text (a reply, a
 * path), and escaped they hold no markup, even for a client that would sniff them as HTML.
 *
 * @example jsonText({ text: '<b>' }) // '{"text":"\\u003cb\\u003e"}'
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/gu, (char) => `\\u00${char.charCodeAt(0).toString(16)}`);
}

/**
 * A JSON answer made for one request: never stored (`no-store`).
 *
 * @example uncachedJson('{"status":"ok"}')
 */
export function uncachedJson(body: string, extra: HeaderMap = {}): Response {
  const headers = { ...commonHeaders, 'Cache-Control': 'no-store', 'Content-Type': jsonType, ...extra };
  return new Response(body, { status: 200, headers });
}

/**
 * A problem+json answer; nothing the client sent reaches it but through `show` and JSON escapes.
 *
 * @example problemResponse(404, `No resource at ${show(path)}`)
 */
export function problemResponse(status: ProblemStatus, detail: string, extra: HeaderMap = {}): Response {
  const headers = {
    ...commonHeaders,
    'Cache-Control': 'no-store',
    'Content-Type': 'application/problem+json',
    ...extra,
  };
  return new Response(jsonText(problem(status, detail)), { status, headers });
}
