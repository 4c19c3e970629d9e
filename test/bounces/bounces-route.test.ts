// The `POST /v1/bounces` sub-app alone (`app.request`), and its OpenAPI path merged into the
// service's document: a valid description, and every answer here matching the schema it declares.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { explainBounce } from '../../src/bounce.js';
import { explain } from '../../src/index.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { bouncesPath, bouncesRoute } from '../../src/server/routes/bounces.js';
import { projectRoot } from '../helpers/temp-dir.js';

const fixture = (name: string) => readFileSync(join(projectRoot, 'test', 'fixtures', 'bounces', `${name}.eml`));
const app = bouncesRoute({ explainBounce, maxBytes: 64 * 1024 });
const document = { ...openApiDocument, paths: { ...openApiDocument.paths, ...bouncesPath } };

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('uri-reference', true);
ajv.addFormat('binary', true);
ajv.addSchema({ ...JSON.parse(JSON.stringify(document)), $id: 'openapi.json' });
const operation = 'openapi.json#/paths/~1v1~1bounces/post/responses';

/** Checks a body against the schema the document declares for its status. */
function matchesSchema(status: number, body: unknown): void {
  const pointer =
    status === 200 ? `${operation}/200/content/application~1json/schema` : 'openapi.json#/components/schemas/Problem';
  const validate = ajv.getSchema(pointer);
  expect(validate, pointer).toBeDefined();
  expect(validate?.(body), JSON.stringify(validate?.errors)).toBe(true);
}

/** The JSON answers here: a report explained, a problem, or null. */
type Answer = {
  recipients: { recipient: string; lang: string; text: string }[];
  detail: string;
} | null;

const post = (body: Uint8Array | string, headers: Record<string, string> = {}, query = '') =>
  app.request(`/v1/bounces${query}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'message/rfc822', ...headers },
  });

describe('POST /v1/bounces', () => {
  it('answers the report explained in the language of Accept-Language', async () => {
    const response = await post(fixture('rfc3464-report'), { 'Accept-Language': 'de-CH, en;q=0.5' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-language')).toBe('de');
    expect(response.headers.get('vary')).toBe('Accept-Language');
    const body = (await response.json()) as Answer;
    matchesSchema(200, body);
    expect(body?.recipients.map((entry) => entry.recipient)).toEqual([
      'alice@example.net',
      'bob@example.net',
      'carol@example.com',
    ]);
    expect(body?.recipients[0]?.text).toBe(explain('550 5.1.1 x', 'de').text);
  });

  it('?lang= wins over Accept-Language', async () => {
    const response = await post(fixture('gmail'), { 'Accept-Language': 'de' }, '?lang=it');
    expect(response.headers.get('content-language')).toBe('it');
    expect(((await response.json()) as Answer)?.recipients[0]?.lang).toBe('it');
  });

  it('answers null for a message that is no report', async () => {
    const response = await post(fixture('ordinary'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Answer;
    matchesSchema(200, body);
    expect(body).toBeNull();
  });

  it('answers 413 past the size limit, by Content-Length or by the bytes sent', async () => {
    const big = new Uint8Array(64 * 1024 + 1).fill(0x61);
    const response = await post(big);
    expect(response.status).toBe(413);
    const body = (await response.json()) as Answer;
    matchesSchema(413, body);
    expect(body?.detail).toBe('The message is larger than 65536 bytes');
    const streamed = await app.request('/v1/bounces', {
      method: 'POST',
      headers: { 'Content-Type': 'message/rfc822' },
      body: new ReadableStream({
        start(controller) {
          for (let index = 0; index < 3; index++) controller.enqueue(new Uint8Array(30 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('answers 415 naming the type for a body that is no message', async () => {
    const response = await post('{}', { 'Content-Type': 'application/json' });
    expect(response.status).toBe(415);
    const body = (await response.json()) as Answer;
    matchesSchema(415, body);
    expect(body?.detail).toBe('The body must be a message (message/rfc822), got "application/json"');
  });
});

it('its path keeps the service description valid OpenAPI 3.1', async () => {
  const validator = new Validator();
  const result = await validator.validate(JSON.parse(JSON.stringify(document)));
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
});
