// Every response body the server tests see is checked against the schema openapi.json declares
// for it (problems against the Problem schema), with ajv in JSON Schema 2020-12 mode.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { openApiDocument } from '../../src/server/openapi.ts';

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('uri-reference', true);
ajv.addSchema({ ...openApiDocument, $id: 'openapi.json' });

type Json = Record<string, unknown>;
const document = JSON.parse(JSON.stringify(openApiDocument)) as Json;
// The service answers a route's path with a slash after it as the route (Hono's non-strict
// routing: `/healthz/` is `/healthz`), so a template matches it too.
const templates = Object.keys(document.paths as Json).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\{[^}]+\}/gu, '[^/]+')}/?$`, 'u'),
}));

/** Follows one `$ref` inside the document (`#/components/…`). */
function follow(node: Json): Json {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  return ref
    .slice(2)
    .split('/')
    .reduce<Json>((at, key) => at[key] as Json, document);
}

/** The JSON pointer of the schema declared for a response, or undefined when none is. */
function declared(path: string, method: string, status: number, type: string): string | undefined {
  const template = templates.find((candidate) => candidate.pattern.test(path))?.template;
  const operation = template && ((document.paths as Json)[template] as Json)[method.toLowerCase()];
  const responses = (operation as Json | undefined)?.responses as Json | undefined;
  const response = responses?.[String(status)];
  if (response === undefined) return undefined;
  const content = follow(response as Json).content as Json | undefined;
  // A response declared without content (a redirect) is one with no body type.
  if (content === undefined) return type === '' ? `${template} ${method} ${status} (no content)` : undefined;
  if (content[type] === undefined) return undefined;
  const ref = response as Json;
  const base =
    typeof ref.$ref === 'string'
      ? ref.$ref
      : `#/paths/${template?.replaceAll('~', '~0').replaceAll('/', '~1')}/${method.toLowerCase()}/responses/${status}`;
  return `openapi.json${base}/content/${type.replace('/', '~1')}/schema`;
}

/**
 * Checks a response against openapi.json: a declared status and content type, and a body its
 * schema accepts. Problems (any 4xx) are checked against the Problem schema even on routes that
 * do not list them (404, 405, 414), and a 404 page may answer any path outside `/v1/`.
 */
export function expectDeclared(path: string, method: string, status: number, type: string, body: string): void {
  const mediaType = type.split(';')[0] ?? '';
  if (status === 304 || status === 204 || method === 'HEAD') return;
  // Outside the JSON API, a 404 asked for as HTML is the page saying so (routes/page.ts), on any path.
  const notFoundPage = status === 404 && mediaType === 'text/html' && !path.startsWith('/v1/') ? 'page' : undefined;
  const pointer =
    declared(path, method, status, mediaType) ??
    (mediaType === 'application/problem+json' ? 'openapi.json#/components/schemas/Problem' : notFoundPage);
  expect(pointer, `${method} ${path} ${status} ${mediaType} is not declared in openapi.json`).toBeDefined();
  if (!mediaType.endsWith('json') || pointer === undefined) return;
  const validate = ajv.getSchema(pointer);
  expect(validate, pointer).toBeDefined();
  const valid = validate?.(JSON.parse(body));
  expect(valid ? [] : validate?.errors, `${method} ${path}: ${body.slice(0, 200)}`).toEqual([]);
}
