// The routes the service answers, read from its OpenAPI document: a route exists because the
// document lists it, and the methods it allows are the operations the document gives it.
import { openApiDocument } from './openapi.js';

/** A route: its path as Hono matches it (`/v1/codes/:code`) and the methods it takes. */
export interface Route {
  /** The path as the OpenAPI document writes it: `/v1/codes/{code}`. */
  template: string;
  /** The same path as Hono routes it: `/v1/codes/:code`. */
  path: string;
  /** `GET, HEAD, POST`: `HEAD` wherever `GET` is (HTTP answers it from `GET`). */
  methods: readonly string[];
}

const methodOrder = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const operations = new Set(['get', 'put', 'post', 'delete', 'patch', 'head']);

/**
 * Every route of the OpenAPI document, with its methods.
 *
 * @example routes.find((route) => route.template === '/v1/explain')?.methods // ['GET', 'HEAD', 'POST']
 */
export const routes: readonly Route[] = Object.entries(openApiDocument.paths).map(([template, item]) => {
  const methods = Object.keys(item)
    .filter((key) => operations.has(key))
    .map((key) => key.toUpperCase());
  if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
  methods.sort((a, b) => methodOrder.indexOf(a) - methodOrder.indexOf(b));
  return { template, path: template.replace(/\{([^}]+)\}/gu, ':$1'), methods };
});
