// `GET /v1/explain` (one reply or log line) and `POST /v1/explain` (a batch of them).
import { Hono } from 'hono/tiny';
import { answer, jsonText, problemResponse, send, uncachedJson } from '../answers.js';
import { readBatch } from '../batch.js';
import { explainItem } from '../explain-item.js';
import { jsonType } from '../headers.js';
import { itemShapeProblem } from '../item-shape.js';
import { limits } from '../openapi.js';
import type { ServiceContext } from '../service-context.js';

/**
 * The explain routes. Every input is checked by shape and size before anything reads it; only
 * that check and the reading of the input answer `400`.
 *
 * @example app.route('/', explainRoutes(context))
 */
export function explainRoutes(context: ServiceContext): Hono {
  const { catalog } = context;
  return new Hono()
    .get('/v1/explain', (c) => {
      const reply = c.req.query('reply');
      if (reply === undefined) return problemResponse(400, 'The query parameter "reply" is missing');
      const shape = itemShapeProblem(reply, 'The query parameter "reply"', limits);
      if (shape !== undefined) return problemResponse(400, shape);
      const explained = explainItem(catalog, reply, context.languageOf(c));
      if ('error' in explained) return problemResponse(400, explained.error);
      const { explanation } = explained;
      // Replies are client text, rarely asked twice: not kept, but still validated for caches.
      return send(c, answer(jsonText(explanation), jsonType, { lang: explanation.lang }));
    })
    .post('/v1/explain', async (c) => {
      const batch = await readBatch(c.req.raw, limits);
      if ('status' in batch) return problemResponse(batch.status, batch.detail);
      for (const [index, item] of batch.items.entries()) {
        const shape = itemShapeProblem(item, `Item at index ${index}`, limits);
        if (shape !== undefined) return problemResponse(400, shape);
      }
      const lang = context.languageOf(c);
      const results = batch.items.map((item) => {
        const explained = explainItem(catalog, item, lang);
        return 'error' in explained ? explained : explained.explanation;
      });
      return uncachedJson(jsonText({ lang, results }), { Vary: 'Accept-Language', 'Content-Language': lang });
    });
}
