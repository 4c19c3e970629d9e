// The service's wiring: its routes (one file each under routes/), mounted on one Hono app, with
// what every request goes through first (the URL's length) and last (404, 500). Every app is
// `hono/tiny` (its PatternRouter): a score of routes needs no more, and the bundle the package
// ships is 9.7 kB smaller than with Hono's default routers (RegExpRouter, TrieRouter).

import { Hono } from 'hono/tiny';
import type { BounceExplainer } from '../bounces/explain-bounce.js';
import type { Catalog } from '../catalog/create-catalog.js';
import { show } from '../errors/show-value.js';
import { problemResponse } from './answers.js';
import type { FetchHandler, ServiceOptions } from './handler-types.js';
import { limits } from './openapi.js';
import { bouncesRoute } from './routes/bounces.js';
import { codeRoutes } from './routes/codes.js';
import { explainRoutes } from './routes/explain.js';
import { languageRoutes } from './routes/languages.js';
import { metaRoutes } from './routes/meta.js';
import { methodRoutes } from './routes/methods.js';
import { notFoundPage, pageRoutes } from './routes/page.js';
import { reasonRoutes } from './routes/reasons.js';
import { serviceContext } from './service-context.js';

const reportToConsole = (error: unknown) => {
  // biome-ignore lint/suspicious/noConsole: without a reporter, the platform's log (Workers, a terminal) is where a fault is seen.
  console.error('smtp-status-i18n: internal error:', error);
};

/**
 * An explainer that loads bounce reading (postal-mime and src/bounces/) when the first bounce is
 * posted: the service starts, and answers every other route, without it.
 */
function bounceExplainerOnDemand(catalog: Catalog): BounceExplainer {
  let loaded: Promise<BounceExplainer> | undefined;
  return async (message, preference) => {
    loaded ??= import('../bounces/explain-bounce.js').then((module) => module.createBounceExplainer(catalog));
    return (await loaded)(message, preference);
  };
}

/**
 * The service as a Hono app: the JSON API under `/v1`, its OpenAPI description and the catalog
 * page, over the catalog given. Every route is one the OpenAPI document lists.
 *
 * @example createApp({ catalog, enhancedCodes: [] }).routes.map((route) => route.path)
 */
export function createApp(options: ServiceOptions): Hono {
  const context = serviceContext(options.catalog, options.enhancedCodes);
  const onError = options.onError ?? reportToConsole;
  const app = new Hono();
  app.use(async (c, next) => {
    const { length } = c.req.url;
    if (length > limits.url)
      return problemResponse(414, `The URL has ${length} characters; at most ${limits.url} are read`);
    await next();
  });
  app.route('/', languageRoutes(context));
  app.route('/', codeRoutes(context));
  app.route('/', explainRoutes(context));
  app.route('/', reasonRoutes(context));
  app.route('/', metaRoutes(context));
  const explainBounce = bounceExplainerOnDemand(options.catalog);
  app.route('/', pageRoutes(context, explainBounce));
  app.route('/', bouncesRoute({ explainBounce }));
  // Last: what a documented path answers to a method no route above took.
  app.route('/', methodRoutes());
  // A person (a browser asks for HTML) gets a page outside the JSON API; a program, a problem.
  app.notFound((c) =>
    !c.req.path.startsWith('/v1/') && (c.req.header('accept') ?? '').includes('text/html')
      ? notFoundPage(context, c, c.req.path)
      : problemResponse(404, `No resource at ${show(c.req.path)}`),
  );
  // A fault of ours, not the client's: logged, and answered without its message or stack.
  app.onError((error, c) => {
    onError(error, c.req.raw);
    return problemResponse(500, 'The request could not be answered');
  });
  return app;
}

/**
 * The service as one web-standard handler. Answers that depend only on the catalog, the route,
 * the input and the language are computed once.
 *
 * @example await createHandler({ catalog, enhancedCodes: [] })(new Request('http://localhost/v1/codes/550'))
 */
export function createHandler(options: ServiceOptions): FetchHandler {
  const app = createApp(options);
  return async (request) => app.fetch(request);
}
