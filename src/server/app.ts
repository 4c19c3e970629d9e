import { type Context, Hono } from 'hono';
import type { Catalog } from '../catalog/create-catalog.js';
import type { LanguagePreference } from '../catalog/negotiate-language.js';
import { requireInput } from '../catalog/resolve-input.js';
import { smtpStatusNames } from '../catalog/smtp-status-code.js';
import { show } from '../errors/show-value.js';
import { readBatch } from './batch.js';
import { BoundedCache } from './bounded-cache.js';
import { catalogCss, catalogScript, type EnhancedRow, renderCatalogPage } from './catalog-page.js';
import { entityTag, notModified } from './entity-tag.js';
import { type LanguageInfo, languageInfo } from './language-info.js';
import { limits, openApiDocument } from './openapi.js';
import { type ProblemStatus, problem } from './problem.js';

/** A web-standard request handler: what Workers, Deno, Bun and Node adapters call. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** What the service serves. */
export interface ServiceOptions {
  /** The catalog to serve; its languages and texts are read as they are at first use. */
  catalog: Catalog;
  /** The enhanced status codes the page lists, as the registry writes them (`X.1.1`). */
  enhancedCodes: readonly string[];
}

/** Response headers as a plain object. */
type HeaderMap = Record<string, string>;

const apiPolicy = "default-src 'none'; frame-ancestors 'none'";
const pagePolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** The headers of every answer: security, and CORS for any origin without credentials. */
const common: HeaderMap = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': apiPolicy,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Language, ETag',
};

/** The routes and the methods each takes (`HEAD` wherever `GET` is). */
const routes: Record<string, readonly string[]> = {
  '/': ['GET', 'HEAD'],
  '/v1/languages': ['GET', 'HEAD'],
  '/v1/codes': ['GET', 'HEAD'],
  '/v1/codes/:code': ['GET', 'HEAD'],
  '/v1/explain': ['GET', 'HEAD', 'POST'],
  '/openapi.json': ['GET', 'HEAD'],
  '/healthz': ['GET', 'HEAD'],
  '/assets/catalog.css': ['GET', 'HEAD'],
  '/assets/catalog.js': ['GET', 'HEAD'],
};

/**
 * A cacheable answer, computed once: its body, and the headers of its `200` and of its `304`
 * (plain objects: on Node they are written as they are, without building a `Headers`).
 */
interface Answer {
  body: string;
  ok: HeaderMap;
  notModified: HeaderMap;
  etag: string;
}

/** What an answer's headers say besides its type. */
interface AnswerOptions {
  /** The language of its texts (`Content-Language`); localized answers also `Vary: Accept-Language`. */
  lang?: string;
  /** The `Content-Security-Policy`, when not the API's. */
  policy?: string;
}

/**
 * An answer for a body: a strong `ETag` and `Cache-Control`, as `200` and as `304` (which
 * carries the same validators and `Vary`, RFC 9110 §15.4.5).
 */
function answer(body: string, contentType: string, options: AnswerOptions = {}): Answer {
  const etag = entityTag(body);
  const validators: HeaderMap = { ...common, ETag: etag, 'Cache-Control': 'public, max-age=86400' };
  if (options.policy !== undefined) validators['Content-Security-Policy'] = options.policy;
  if (options.lang !== undefined) {
    validators.Vary = 'Accept-Language';
    validators['Content-Language'] = options.lang;
  }
  return { body, etag, notModified: validators, ok: { ...validators, 'Content-Type': contentType } };
}

/** `304` when `If-None-Match` holds the answer's validator, the body otherwise. */
function send(c: Context, cached: Answer): Response {
  return notModified(c.req.header('if-none-match'), cached.etag)
    ? new Response(null, { status: 304, headers: cached.notModified })
    : new Response(cached.body, { status: 200, headers: cached.ok });
}

/** A code from the path as `explain` takes it: digits (with an optional minus) become a number. */
function codeInput(text: string): string | number {
  return /^-?\d{1,4}$/u.test(text) ? Number(text) : text;
}

/** The language preference of a request: `?lang=` wins, else `Accept-Language`, else none (English). */
function preferenceOf(c: Context): LanguagePreference {
  const lang = c.req.query('lang');
  if (lang !== undefined && lang !== '') return lang;
  // The raw header: the catalog's negotiation reads `Accept-Language` values (q-values, `*`).
  return c.req.header('accept-language');
}

/**
 * JSON text with `<`, `>` and `&` escaped (`\u003c`…): bodies carry client text (a reply, a
 * path), and escaped they hold no markup, even for a client that would sniff them as HTML.
 */
function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/gu, (char) => `\\u00${char.charCodeAt(0).toString(16)}`);
}

const jsonType = 'application/json';

/** A problem+json answer; nothing the client sent reaches it but through `show` and JSON escapes. */
function problemResponse(status: ProblemStatus, detail: string, extra: HeaderMap = {}): Response {
  const headers = { ...common, 'Cache-Control': 'no-store', 'Content-Type': 'application/problem+json', ...extra };
  return new Response(jsonText(problem(status, detail)), { status, headers });
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The service as one web-standard handler: the JSON API under `/v1`, its OpenAPI description,
 * and the catalog page, over the catalog given. Answers that depend only on the catalog, the
 * route, the input and the language are computed once.
 *
 * @example await createHandler({ catalog, enhancedCodes: [] })(new Request('http://localhost/v1/codes/550'))
 */
export function createHandler(options: ServiceOptions): FetchHandler {
  const { catalog } = options;
  // Keys hold client input (a code as typed), so the cache is bounded; 2,048 holds every
  // member and reply code in every shipped language.
  const answers = new BoundedCache<Answer>(2048);
  const negotiated = (preference: LanguagePreference) => catalog.explain(0, preference).lang;
  let served: LanguageInfo[] | undefined;
  const servedLanguages = () => {
    served ??= catalog.languages().map(languageInfo);
    return served;
  };

  const app = new Hono();

  app.use(async (c, next) => {
    const { length } = c.req.url;
    if (length > limits.url)
      return problemResponse(414, `The URL has ${length} characters; at most ${limits.url} are read`);
    await next();
  });

  app.get('/v1/languages', (c) =>
    send(
      c,
      answers.get('languages', () =>
        answer(jsonText({ default: negotiated(undefined), languages: servedLanguages() }), jsonType),
      ),
    ),
  );

  app.get('/v1/codes', (c) => {
    const lang = negotiated(preferenceOf(c));
    const list = answers.get(`codes\0${lang}`, () => {
      const codes = smtpStatusNames.map((name) => catalog.explain(name, lang));
      return answer(jsonText({ lang, codes }), jsonType, { lang });
    });
    return send(c, list);
  });

  app.get('/v1/codes/:code', (c) => {
    const code = c.req.param('code');
    const lang = negotiated(preferenceOf(c));
    try {
      const explained = answers.get(`code\0${lang}\0${code}`, () => {
        const input = codeInput(code);
        requireInput(input);
        const explanation = catalog.explain(input, lang);
        return answer(jsonText(explanation), jsonType, { lang: explanation.lang });
      });
      return send(c, explained);
    } catch (error) {
      return problemResponse(400, messageOf(error));
    }
  });

  app.get('/v1/explain', (c) => {
    const reply = c.req.query('reply');
    if (reply === undefined) return problemResponse(400, 'The query parameter "reply" is missing');
    try {
      requireInput(reply);
      const explanation = catalog.explain(reply, preferenceOf(c));
      // Replies are client text, rarely asked twice: not kept, but still validated for caches.
      return send(c, answer(jsonText(explanation), jsonType, { lang: explanation.lang }));
    } catch (error) {
      return problemResponse(400, messageOf(error));
    }
  });

  app.post('/v1/explain', async (c) => {
    const batch = await readBatch(c.req.raw, limits);
    if ('status' in batch) return problemResponse(batch.status, batch.detail);
    const lang = negotiated(preferenceOf(c));
    const results = batch.items.map((item) => {
      try {
        requireInput(item);
        return catalog.explain(item, lang);
      } catch (error) {
        return { error: messageOf(error) };
      }
    });
    const headers = {
      ...common,
      'Cache-Control': 'no-store',
      Vary: 'Accept-Language',
      'Content-Language': lang,
      'Content-Type': jsonType,
    };
    return new Response(jsonText({ lang, results }), { status: 200, headers });
  });

  app.get('/openapi.json', (c) =>
    send(
      c,
      answers.get('openapi', () => answer(jsonText(openApiDocument), jsonType)),
    ),
  );

  app.get('/healthz', () => {
    const headers = { ...common, 'Cache-Control': 'no-store', 'Content-Type': jsonType };
    return new Response('{"status":"ok"}', { status: 200, headers });
  });

  app.get('/', (c) => {
    const lang = negotiated(preferenceOf(c));
    const query = c.req.query('q') ?? '';
    const make = () => {
      const codes = smtpStatusNames.map((name) => catalog.explain(name, lang));
      const enhanced = enhancedRows(catalog, options.enhancedCodes, lang);
      const page = renderCatalogPage({
        language: languageInfo(lang),
        languages: servedLanguages(),
        codes,
        enhanced,
        query,
      });
      return answer(page, 'text/html; charset=utf-8', { lang, policy: pagePolicy });
    };
    // A page filtered by client text is built for that request alone.
    return send(c, query === '' ? answers.get(`page\0${lang}`, make) : make());
  });

  const asset = (path: string, body: string, type: string) =>
    app.get(path, (c) =>
      send(
        c,
        answers.get(path, () => answer(body, type)),
      ),
    );
  asset('/assets/catalog.css', catalogCss, 'text/css; charset=utf-8');
  asset('/assets/catalog.js', catalogScript, 'text/javascript; charset=utf-8');

  for (const [path, methods] of Object.entries(routes)) {
    const allow = methods.join(', ');
    const preflight = {
      ...common,
      Allow: allow,
      'Access-Control-Allow-Methods': allow,
      'Access-Control-Allow-Headers': 'Accept-Language, Content-Type, If-None-Match',
      'Access-Control-Max-Age': '86400',
    };
    app.options(path, () => new Response(null, { status: 204, headers: preflight }));
    app.all(path, (c) =>
      problemResponse(405, `${show(c.req.method)} is not allowed here; allowed: ${allow}`, { Allow: allow }),
    );
  }

  app.notFound((c) => problemResponse(404, `No resource at ${show(c.req.path)}`));
  // Nothing a client sends should get here; if something does, it gets no stack trace.
  app.onError(() => problemResponse(500, 'The request could not be answered'));

  return async (request) => app.fetch(request);
}

/** The page's enhanced codes: each registry code's text, through `explain` of the code alone (`5.1.1`). */
function enhancedRows(catalog: Catalog, codes: readonly string[], lang: string): EnhancedRow[] {
  return codes.map((code) => {
    const enhanced = catalog.explain(code.replace('X', '5'), lang).enhanced;
    return { code, lang: enhanced?.lang ?? lang, text: enhanced?.text ?? code };
  });
}
