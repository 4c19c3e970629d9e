// `GET /` and its assets: the catalog page (its HTML, style and script live in catalog-page.ts).
import { Hono } from 'hono';
import { smtpStatusNames } from '../../catalog/smtp-status-code.js';
import { answer, send } from '../answers.js';
import { catalogCss, catalogScript, type EnhancedRow, renderCatalogPage } from '../catalog-page.js';
import { pagePolicy } from '../headers.js';
import { languageInfo } from '../language-info.js';
import type { ServiceContext } from '../service-context.js';

/** The page's enhanced codes: what each is about, with no class (a listing never invents one). */
function enhancedRows(context: ServiceContext, lang: string): EnhancedRow[] {
  return context.enhancedCodes.map((code) => ({
    code,
    ...(context.catalog.describeNeutral(code, lang) ?? { lang, text: code }),
  }));
}

/**
 * The page routes: the page once per language (a filtered page is built for its request), its
 * style sheet and script once.
 *
 * @example app.route('/', pageRoutes(context))
 */
export function pageRoutes(context: ServiceContext): Hono {
  const { answers, catalog } = context;
  const app = new Hono().get('/', (c) => {
    const lang = context.languageOf(c);
    const query = c.req.query('q') ?? '';
    const make = () => {
      const codes = smtpStatusNames.map((name) => catalog.explain(name, lang));
      const page = renderCatalogPage({
        language: languageInfo(lang),
        languages: context.servedLanguages(),
        codes,
        enhanced: enhancedRows(context, lang),
        query,
      });
      return answer(page, 'text/html; charset=utf-8', { lang, policy: pagePolicy });
    };
    // A page filtered by client text is built for that request alone.
    return send(c, query === '' ? answers.get(`page\0${lang}`, make) : make());
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
