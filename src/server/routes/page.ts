// The pages: `GET /` (the catalog), `POST /explain` (the paste box's answer as a page),
// `GET /codes/{code}` and `GET /reasons/{id}`, and their style sheet and script.
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import type { BounceExplainer } from '../../bounces/explain-bounce.js';
import { resolveInput } from '../../catalog/resolve-input.js';
import { smtpStatusNames } from '../../catalog/smtp-status-code.js';
import { isClientReasonId } from '../../catalog/text-kinds.js';
import type { Explanation } from '../../catalog/types.js';
import { show } from '../../errors/show-value.js';
import { type ReasonId, reasonIds } from '../../reasons/reason-ids.js';
import { answer, problemResponse, send } from '../answers.js';
import { explainPasted, type PastedAnswer } from '../explain-pasted.js';
import { commonHeaders, pagePolicy } from '../headers.js';
import { languageInfo } from '../language-info.js';
import { limits } from '../openapi.js';
import { renderAnswerPage } from '../page/ask-box.js';
import { renderCatalogPage } from '../page/catalog-page.js';
import { renderCodePage, renderNotFoundPage, renderReasonPage } from '../page/code-page.js';
import { withLang } from '../page/html.js';
import { catalogCss, catalogScript } from '../page/page-assets.js';
import { pageWords } from '../page/page-words.js';
import { readBytes } from '../read-body.js';
import type { ServiceContext } from '../service-context.js';
import { codeInput } from './codes.js';
import { relatedCodes, relatedToReason } from './related-codes.js';

const html = 'text/html; charset=utf-8';
const formType = 'application/x-www-form-urlencoded';

/**
 * A 404 for a person: the page saying the catalog has no page for `name` (a code, a reason's id,
 * a path), in the request's language, with a link to the list. The JSON API answers a problem.
 *
 * @example notFoundPage(context, c, '999').status // 404
 */
export function notFoundPage(context: ServiceContext, c: Context, name: string): Response {
  const lang = context.languageOf(c);
  const page = renderNotFoundPage({
    language: languageInfo(lang),
    languages: context.servedLanguages(),
    words: pageWords(lang),
    name,
  });
  const { ok } = answer(page, html, { lang, policy: pagePolicy });
  return new Response(page, { status: 404, headers: { ...ok, 'Cache-Control': 'no-store' } });
}

/**
 * The catalog's row of a code's page, when the list has one: a class-neutral code's own, an
 * enhanced code's registry form (`5.1.1` is row `X.1.1`) when the registry lists it, a member's
 * value (`MailboxUnavailable` and `550` are row `550`). A code the list lacks (`455`, `5.7.708`)
 * has none, and its page links to the list's top.
 *
 * @example listRow('5.1.1', explain('5.1.1'), enhancedCodes) // 'X.1.1'
 */
function listRow(code: string, explanation: Explanation | undefined, enhancedCodes: readonly string[]) {
  if (explanation === undefined) return code;
  if (/^\d\./u.test(code)) {
    const neutral = `X${code.slice(1)}`;
    return enhancedCodes.includes(neutral) ? neutral : undefined;
  }
  return explanation.name === undefined ? undefined : String(explanation.code);
}

/**
 * The page routes: the catalog once per language (a filtered one built for its request), a
 * code's or reason's page once per language, the paste box's answer per request, the style
 * sheet and script once.
 *
 * @example app.route('/', pageRoutes(context, explainBounce))
 */
export function pageRoutes(context: ServiceContext, explainBounce: BounceExplainer): Hono {
  const { answers, catalog } = context;
  const frame = (lang: string) => ({
    language: languageInfo(lang),
    languages: context.servedLanguages(),
    words: pageWords(lang),
  });
  const app = new Hono();
  app.get('/', (c) => {
    const lang = context.languageOf(c);
    const query = c.req.query('q') ?? '';
    const make = () => {
      const page = renderCatalogPage({
        ...frame(lang),
        codes: smtpStatusNames.map((name) => catalog.explain(name, lang)),
        enhanced: context.enhancedCodes.map((code) => ({
          code,
          ...(catalog.describeNeutral(code, lang) ?? { lang, text: code }),
        })),
        reasons: reasonIds.map((id) => ({ code: id, ...catalog.describeReason(id, lang) })),
        query,
      });
      return answer(page, html, { lang, policy: pagePolicy });
    };
    // A page filtered by client text is built for that request alone.
    return send(c, query === '' ? answers.get(`page\0${lang}`, make) : make());
  });
  // The box's address asked for without its form (a bookmark, a reload, Back): the page with the box.
  app.get(
    '/explain',
    (c) =>
      new Response(null, {
        status: 303,
        headers: {
          ...commonHeaders,
          Location: withLang('/', context.languageOf(c)),
          Vary: 'Accept-Language',
          'Cache-Control': 'no-store',
        },
      }),
  );
  app.post('/explain', async (c) => {
    const lang = context.languageOf(c);
    const type = (c.req.header('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
    if (type !== formType) return problemResponse(415, `The form must be sent as ${formType}, got ${show(type)}`);
    const bytes = await readBytes(c.req.raw, limits.batchBytes);
    // Too long for the box: a page saying so in the reader's words (the text is not kept).
    const input = bytes === undefined ? '' : new URLSearchParams(new TextDecoder().decode(bytes)).get('input');
    if (input === null) return problemResponse(400, 'The form has no field "input"');
    // Text the box cannot read is answered as a page saying so: the form worked, the text did not.
    const explained: PastedAnswer =
      bytes === undefined
        ? { error: `The form is larger than ${limits.batchBytes} bytes`, tooLarge: true }
        : await explainPasted(input, { catalog, explainBounce }, lang);
    const page = renderAnswerPage({ ...frame(lang), input, answer: explained });
    return new Response(page, {
      status: bytes === undefined ? 413 : 200,
      headers: { ...answer(page, html, { lang, policy: pagePolicy }).ok, 'Cache-Control': 'no-store' },
    });
  });
  app.get('/codes/:code', (c) => {
    const code = c.req.param('code');
    const neutral = /^X\.\d{1,3}\.\d{1,3}$/u.test(code);
    const input = codeInput(code);
    if (neutral ? !context.enhancedCodes.includes(code) : resolveInput(input) === undefined) {
      return notFoundPage(context, c, code);
    }
    const lang = context.languageOf(c);
    const made = answers.get(`code page\0${lang}\0${code}`, () => {
      const explanation = neutral ? undefined : catalog.explain(input, lang);
      const page = renderCodePage({
        ...frame(lang),
        code,
        path: `/codes/${code}`,
        related: relatedCodes(code, context.enhancedCodes),
        row: listRow(code, explanation, context.enhancedCodes),
        ...(explanation === undefined
          ? { neutral: catalog.describeNeutral(code, lang) ?? { lang, text: code } }
          : { explanation, json: `/v1/codes/${code}` }),
      });
      return answer(page, html, { lang, policy: pagePolicy });
    });
    return send(c, made);
  });
  app.get('/reasons/:id', (c) => {
    const id = c.req.param('id');
    if (!(reasonIds as readonly string[]).includes(id)) return notFoundPage(context, c, id);
    const lang = context.languageOf(c);
    const made = answers.get(`reason page\0${lang}\0${id}`, () => {
      const page = renderReasonPage({
        ...frame(lang),
        reason: catalog.describeReason(id as ReasonId, lang),
        client: isClientReasonId(id as ReasonId)
          ? catalog.describeReason(id as ReasonId, lang, { client: true })
          : undefined,
        path: `/reasons/${id}`,
        related: relatedToReason(id as ReasonId, catalog, context.enhancedCodes),
        json: `/v1/reasons/${id}`,
      });
      return answer(page, html, { lang, policy: pagePolicy });
    });
    return send(c, made);
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
  return app;
}
