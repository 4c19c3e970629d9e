// What a documented path answers to a method it does not take: a CORS preflight (`OPTIONS`), or
// `405` with `Allow`. Mounted after the routes, so it sees only what they did not answer.
import { Hono } from 'hono/tiny';
import { show } from '../../errors/show-value.js';
import { problemResponse } from '../answers.js';
import { allowedRequestHeaders, commonHeaders } from '../headers.js';
import { routes } from '../route-table.js';

/**
 * Preflights and `405`s for every route of the OpenAPI document.
 *
 * @example app.route('/', methodRoutes())
 */
export function methodRoutes(): Hono {
  const app = new Hono();
  for (const { path, methods } of routes) {
    const allow = methods.join(', ');
    const preflight = {
      ...commonHeaders,
      Allow: allow,
      'Access-Control-Allow-Methods': allow,
      'Access-Control-Allow-Headers': allowedRequestHeaders,
      'Access-Control-Max-Age': '86400',
    };
    app.options(path, () => new Response(null, { status: 204, headers: preflight }));
    app.all(path, (c) =>
      problemResponse(405, `${show(c.req.method)} is not allowed here; allowed: ${allow}`, { Allow: allow }),
    );
  }
  return app;
}
