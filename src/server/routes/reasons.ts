// `GET /v1/reasons` and `GET /v1/reasons/{id}`: every reason, or one, with its advice.
import { Hono } from 'hono/tiny';
import type { Catalog } from '../../catalog/create-catalog.js';
import { isClientReasonId } from '../../catalog/text-kinds.js';
import { show } from '../../errors/show-value.js';
import { isReasonId, type ReasonId, reasonIds } from '../../reasons/reason-ids.js';
import { answer, jsonText, problemResponse, send } from '../answers.js';
import { jsonType } from '../headers.js';
import type { ServiceContext } from '../service-context.js';

/**
 * A reason as listed: its id and texts, and for a reason a mail client's own error is told
 * otherwise (`isClientReasonId`), those texts as `client`. What `describeReason` adds for an
 * explanation (`by`, `disagrees`) says how a reply was read, and a listing reads none.
 */
function listedReason(catalog: Catalog, id: ReasonId, lang: string) {
  const { text, advice, lang: used } = catalog.describeReason(id, lang);
  if (!isClientReasonId(id)) return { id, lang: used, text, advice };
  const client = catalog.describeReason(id, lang, { client: true });
  return { id, lang: used, text, advice, client: { lang: client.lang, text: client.text, advice: client.advice } };
}

/**
 * The reason routes: answers computed once per language (and reason). Only a known id reaches
 * the cache, so what a client types never fills it.
 *
 * @example app.route('/', reasonRoutes(context))
 */
export function reasonRoutes(context: ServiceContext): Hono {
  const { answers, catalog } = context;
  return new Hono()
    .get('/v1/reasons', (c) => {
      const lang = context.languageOf(c);
      const list = answers.get(`reasons\0${lang}`, () => {
        const reasons = reasonIds.map((id) => listedReason(catalog, id, lang));
        return answer(jsonText({ lang, reasons }), jsonType, { lang });
      });
      return send(c, list);
    })
    .get('/v1/reasons/:id', (c) => {
      const id = c.req.param('id');
      // A Set lookup: `__proto__` or `constructor` are no reason, and the id is named cut short.
      if (!isReasonId(id)) return problemResponse(404, `No reason ${show(id)}; the reasons are at /v1/reasons`);
      const lang = context.languageOf(c);
      const described = answers.get(`reason\0${lang}\0${id}`, () => {
        const reason = listedReason(catalog, id, lang);
        return answer(jsonText(reason), jsonType, { lang: reason.lang });
      });
      return send(c, described);
    });
}
