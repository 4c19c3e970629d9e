/**
 * The HTTP service: one web-standard handler (`Request` → `Response`) serving the JSON API
 * under `/v1`, `/openapi.json` and the catalog page, over every shipped language. It runs as it
 * is on Cloudflare Workers, Deno, Bun and Node (`smtp-status serve`, or any adapter).
 *
 * @example
 *   import { handler } from 'smtp-status-i18n/server';
 *   const response = await handler(new Request('http://localhost/v1/codes/550?lang=fr'));
 */
import { type Catalog, createCatalogOfParts } from './catalog/create-catalog.js';
import { localeParts } from './internal/locale-parts.js';
import { createHandler as createServiceHandler } from './server/app.js';
import type { FetchHandler, ServiceOptions } from './server/handler-types.js';

export type { FetchHandler } from './server/handler-types.js';

/** How a handler reports its own faults (answered as `500` without their message). */
export type HandlerOptions = Pick<ServiceOptions, 'onError'>;

// Every code of the registry, as it writes them (`X.1.1`), from the reference locale's texts.
const enhancedCodes = Object.keys((localeParts.en?.enhanced ?? {}) as object).filter(
  (key) => key.startsWith('X.') && !key.endsWith('.X'),
);

/**
 * A handler over a catalog of your own (from `createCatalog`), e.g. with a language added;
 * `onError` sees the service's own faults (default: `console.error`).
 *
 * @example createHandler(createCatalog([fr, en]), { onError: (error) => log.error(error) })
 */
export function createHandler(catalog: Catalog, options: HandlerOptions = {}): FetchHandler {
  return createServiceHandler({ catalog, enhancedCodes, ...options });
}

/** The handler over every shipped language. @example await handler(new Request('http://localhost/healthz')) */
export const handler: FetchHandler = createHandler(createCatalogOfParts(localeParts));

/** The module shape Workers, Deno (`deno serve`) and Bun take as a server: `{ fetch }`. */
export default { fetch: handler };
