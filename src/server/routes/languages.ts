// `GET /v1/languages`: the languages served, and the one used when none is asked for.
import { Hono } from 'hono/tiny';
import { answer, jsonText, send } from '../answers.js';
import { jsonType } from '../headers.js';
import type { ServiceContext } from '../service-context.js';

/**
 * The languages route.
 *
 * @example app.route('/', languageRoutes(context))
 */
export function languageRoutes(context: ServiceContext): Hono {
  const { answers, catalog } = context;
  return new Hono().get('/v1/languages', (c) =>
    send(
      c,
      answers.get('languages', () =>
        answer(jsonText({ default: catalog.served(undefined).lang, languages: context.servedLanguages() }), jsonType),
      ),
    ),
  );
}
