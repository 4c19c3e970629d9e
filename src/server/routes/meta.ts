// `GET /openapi.json` and `GET /healthz`: what the service is, and that it answers.
import { Hono } from 'hono/tiny';
import { answer, jsonText, send, uncachedJson } from '../answers.js';
import { jsonType } from '../headers.js';
import { openApiDocument } from '../openapi.js';
import type { ServiceContext } from '../service-context.js';

/**
 * The description and liveness routes.
 *
 * @example app.route('/', metaRoutes(context))
 */
export function metaRoutes(context: ServiceContext): Hono {
  return new Hono()
    .get('/openapi.json', (c) =>
      send(
        c,
        context.answers.get('openapi', () => answer(jsonText(openApiDocument), jsonType)),
      ),
    )
    .get('/healthz', () => uncachedJson('{"status":"ok"}'));
}
