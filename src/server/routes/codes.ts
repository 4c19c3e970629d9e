// `GET /v1/codes` and `GET /v1/codes/{code}`: every member, or one code, explained.
import { Hono } from 'hono/tiny';
import { inputError, resolveInput } from '../../catalog/resolve-input.js';
import { smtpStatusNames } from '../../catalog/smtp-status-code.js';
import { answer, jsonText, problemResponse, send } from '../answers.js';
import { jsonType } from '../headers.js';
import type { ServiceContext } from '../service-context.js';

/** A code from the path as `explain` takes it: digits (with an optional minus) become a number. @example codeInput('550') // 550 */
export function codeInput(text: string): string | number {
  return /^-?\d{1,4}$/u.test(text) ? Number(text) : text;
}

/**
 * The code routes: answers computed once per language (and code).
 *
 * @example app.route('/', codeRoutes(context))
 */
export function codeRoutes(context: ServiceContext): Hono {
  const { answers, catalog } = context;
  return new Hono()
    .get('/v1/codes', (c) => {
      const lang = context.languageOf(c);
      const list = answers.get(`codes\0${lang}`, () => {
        const codes = smtpStatusNames.map((name) => catalog.explain(name, lang));
        return answer(jsonText({ lang, codes }), jsonType, { lang });
      });
      return send(c, list);
    })
    .get('/v1/codes/:code', (c) => {
      const code = c.req.param('code');
      const input = codeInput(code);
      // The path is the client's: what names no code is its error, named; nothing else is caught.
      if (resolveInput(input) === undefined) return problemResponse(400, inputError(input).message);
      const lang = context.languageOf(c);
      const explained = answers.get(`code\0${lang}\0${code}`, () => {
        const explanation = catalog.explain(input, lang);
        return answer(jsonText(explanation), jsonType, { lang: explanation.lang });
      });
      return send(c, explained);
    });
}
