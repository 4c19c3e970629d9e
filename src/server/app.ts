import { type Context, Hono } from 'hono';
import type { Catalog, Explanation, LanguagePreference } from '../catalog.js';
import type { SmtpStatusInput } from '../resolve-code.js';
import { smtpStatusNames } from '../smtp-status-code.js';
import { languagePreferences } from './accept-language.js';
import { readBatch } from './batch.js';
import { catalogCss, catalogScript, type EnhancedRow, renderCatalogPage } from './catalog-page.js';
import { type LanguageInfo, languageInfo } from './language-info.js';
import { limits, openApiDocument } from './openapi.js';
import { type ProblemStatus, problem, quote } from './problem.js';
import { notModified, type Representation, RepresentationCache, represent } from './representation.js';

/** A web-standard request handler: what Workers, Deno, Bun and Node adapters call. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** What the service serves. */
export interface ServiceOptions {
  /** The catalog to serve; its languages and texts are read as they are at first use. */
  catalog: Catalog;
  /** The enhanced status codes the page lists, as the registry writes them (`X.1.1`). */
  enhancedCodes: readonly string[];
}

const cacheControl = 'public, max-age=86400';
const apiPolicy = "default-src 'none'; frame-ancestors 'none'";
const pagePolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
const preflightHeaders = 'Accept-Language, Content-Type, If-None-Match';

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

/** A code from the path as `explain` takes it: digits (with an optional minus) become a number. */
function codeInput(text: string): string | number {
  return /^-?\d{1,4}$/u.test(text) ? Number(text) : text;
}

/** The language preference of a request: `?lang=` wins, else `Accept-Language`, else none (English). */
function preferenceOf(c: Context): LanguagePreference {
  const lang = c.req.query('lang');
  if (lang !== undefined && lang !== '') return lang;
  const header = c.req.header('accept-language');
  return header === undefined ? undefined : languagePreferences(header);
}

/** A problem+json answer; nothing the client sent reaches it but through `quote`. */
function problemResponse(c: Context, status: ProblemStatus, detail: string): Response {
  c.header('Cache-Control', 'no-store');
  c.header('Content-Type', 'application/problem+json');
  return c.body(jsonText(problem(status, detail)), status);
}

/** A cacheable answer: `304` when `If-None-Match` holds its validator, the body otherwise. */
function cached(c: Context, representation: Representation, localized: boolean): Response {
  c.header('ETag', representation.etag);
  c.header('Cache-Control', cacheControl);
  if (localized) c.header('Vary', 'Accept-Language');
  if (representation.lang !== undefined) c.header('Content-Language', representation.lang);
  if (notModified(c.req.header('if-none-match'), representation.etag)) return c.body(null, 304);
  c.header('Content-Type', representation.contentType);
  return c.body(representation.body, 200);
}

const jsonType = 'application/json';

/**
 * JSON text with `<`, `>` and `&` escaped (`\u003c`…): bodies carry client text (a reply, a
 * path), and escaped they hold no markup, even for a client that would sniff them as HTML.
 */
function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/gu, (char) => `\\u00${char.charCodeAt(0).toString(16)}`);
}
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The service as one web-standard handler: the JSON API under `/v1`, its OpenAPI description,
 * and the catalog page, over the catalog given.
 *
 * @example await createHandler({ catalog, enhancedCodes: [] })(new Request('http://localhost/v1/codes/550'))
 */
export function createHandler(options: ServiceOptions): FetchHandler {
  const { catalog } = options;
  // Keys hold client input (a code as typed), so the cache is bounded; 2,048 holds every
  // member and reply code in every shipped language.
  const representations = new RepresentationCache(2048);
  const negotiated = (preference: LanguagePreference) => catalog.explain(0, preference).lang;
  let served: LanguageInfo[] | undefined;
  const servedLanguages = () => {
    served ??= catalog.languages().map(languageInfo);
    return served;
  };

  const app = new Hono();

  app.use(async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Content-Security-Policy', apiPolicy);
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Expose-Headers', 'Content-Language, ETag');
    if (c.req.url.length > limits.url) {
      return problemResponse(c, 414, `The URL has ${c.req.url.length} characters; at most ${limits.url} are read`);
    }
    await next();
  });

  app.get('/v1/languages', (c) => {
    const list = representations.get('languages', () =>
      represent(jsonText({ default: negotiated(undefined), languages: servedLanguages() }), jsonType),
    );
    return cached(c, list, false);
  });

  app.get('/v1/codes', (c) => {
    const lang = negotiated(preferenceOf(c));
    const list = representations.get(`codes\0${lang}`, () => {
      const codes = smtpStatusNames.map((name) => catalog.explain(name, lang));
      return represent(jsonText({ lang, codes }), jsonType, lang);
    });
    return cached(c, list, true);
  });

  app.get('/v1/codes/:code', (c) => {
    const code = c.req.param('code');
    const lang = negotiated(preferenceOf(c));
    try {
      const explained = representations.get(`code\0${lang}\0${code}`, () => {
        const explanation = catalog.explain(codeInput(code) as SmtpStatusInput, lang);
        return represent(jsonText(explanation), jsonType, explanation.lang);
      });
      return cached(c, explained, true);
    } catch (error) {
      return problemResponse(c, 400, messageOf(error));
    }
  });

  app.get('/v1/explain', (c) => {
    const reply = c.req.query('reply');
    if (reply === undefined) return problemResponse(c, 400, 'The query parameter "reply" is missing');
    let explanation: Explanation;
    try {
      explanation = catalog.explain(reply as SmtpStatusInput, preferenceOf(c));
    } catch (error) {
      return problemResponse(c, 400, messageOf(error));
    }
    // Replies are client text, rarely asked twice: not kept, but still validated for caches.
    return cached(c, represent(jsonText(explanation), jsonType, explanation.lang), true);
  });

  app.post('/v1/explain', async (c) => {
    const batch = await readBatch(c.req.raw, limits);
    if ('status' in batch) return problemResponse(c, batch.status, batch.detail);
    const preference = preferenceOf(c);
    const lang = negotiated(preference);
    const results = batch.items.map((item) => {
      try {
        return catalog.explain(item as SmtpStatusInput, lang);
      } catch (error) {
        return { error: messageOf(error) };
      }
    });
    c.header('Cache-Control', 'no-store');
    c.header('Vary', 'Accept-Language');
    c.header('Content-Language', lang);
    c.header('Content-Type', jsonType);
    return c.body(jsonText({ lang, results }), 200);
  });

  app.get('/openapi.json', (c) =>
    cached(
      c,
      representations.get('openapi', () => represent(jsonText(openApiDocument), jsonType)),
      false,
    ),
  );

  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    c.header('Content-Type', jsonType);
    return c.body('{"status":"ok"}', 200);
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
      return represent(page, 'text/html; charset=utf-8', lang);
    };
    // A page filtered by client text is built for that request alone.
    const page = query === '' ? representations.get(`page\0${lang}`, make) : make();
    c.header('Content-Security-Policy', pagePolicy);
    return cached(c, page, true);
  });

  const asset = (path: string, body: string, type: string) =>
    app.get(path, (c) =>
      cached(
        c,
        representations.get(path, () => represent(body, type)),
        false,
      ),
    );
  asset('/assets/catalog.css', catalogCss, 'text/css; charset=utf-8');
  asset('/assets/catalog.js', catalogScript, 'text/javascript; charset=utf-8');

  for (const [path, methods] of Object.entries(routes)) {
    const allow = methods.join(', ');
    app.options(path, (c) => {
      c.header('Allow', allow);
      c.header('Access-Control-Allow-Methods', allow);
      c.header('Access-Control-Allow-Headers', preflightHeaders);
      c.header('Access-Control-Max-Age', '86400');
      return c.body(null, 204);
    });
    app.all(path, (c) => {
      c.header('Allow', allow);
      return problemResponse(c, 405, `${quote(c.req.method)} is not allowed here; allowed: ${allow}`);
    });
  }

  app.notFound((c) => problemResponse(c, 404, `No resource at ${quote(c.req.path)}`));
  // Nothing a client sends should get here; if something does, it gets no stack trace.
  app.onError((_, c) => problemResponse(c, 500, 'The request could not be answered'));

  return async (request) => app.fetch(request);
}

/** The page's enhanced codes: each registry code's text, through `explain` of a reply carrying it. */
function enhancedRows(catalog: Catalog, codes: readonly string[], lang: string): EnhancedRow[] {
  return codes.map((code) => {
    const enhanced = catalog.explain(`500 ${code.replace('X', '5')}`, lang).enhanced;
    return { code, lang: enhanced?.lang ?? lang, text: enhanced?.text ?? code };
  });
}
