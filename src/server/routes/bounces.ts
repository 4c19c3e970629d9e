// `POST /v1/bounces`: one message (`message/rfc822`) read as a delivery report, each recipient
// explained in the negotiated language. A sub-app the service mounts; it takes the explainer, so
// the service's bundle holds MIME code only where it is mounted.
import { type Context, Hono } from 'hono';
import type { BounceExplainer } from '../../bounces/explain-bounce.js';
import { bounceLimits } from '../../bounces/limits.js';
import type { LanguagePreference } from '../../catalog/negotiate-language.js';
import { show } from '../../errors/show-value.js';
import { type ProblemStatus, problem } from '../problem.js';

/** What the route needs: the explainer (`explainBounce`, or `createBounceExplainer(catalog)`) and its size limit. */
export interface BouncesRouteOptions {
  explainBounce: BounceExplainer;
  /** Bytes of a message taken; larger is `413`. Default: `defaultMaxBytes` (10 MiB). */
  maxBytes?: number;
}

/**
 * Bytes of a message `POST /v1/bounces` takes by default: a bounce returning a large message is
 * taken whole, though only its first `bounceLimits.maxMessageBytes` are read.
 *
 * @example defaultMaxBytes // 10485760
 */
export const defaultMaxBytes = 10 * 1024 * 1024;

/** The media types a message may be sent as (RFC 5322 messages, RFC 6532's UTF-8 ones). */
const messageTypes = new Set(['message/rfc822', 'message/global']);

// The escapes and headers of the service's other JSON answers (app.ts): client text holds no markup.
const jsonText = (value: unknown) =>
  JSON.stringify(value).replace(/[<>&]/gu, (char) => `\\u00${char.charCodeAt(0).toString(16)}`);
const noStore = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function problemResponse(status: ProblemStatus, detail: string): Response {
  return new Response(jsonText(problem(status, detail)), {
    status,
    headers: { ...noStore, 'Content-Type': 'application/problem+json' },
  });
}

/** `?lang=` wins, else `Accept-Language` (read by the catalog's negotiation), as everywhere in the service. */
function preferenceOf(c: Context): LanguagePreference {
  const lang = c.req.query('lang');
  return lang !== undefined && lang !== '' ? lang : c.req.header('accept-language');
}

/** The body's bytes, or `undefined` past `limit` (the rest is not read). */
async function bodyOf(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(chunk.value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * The sub-app answering `POST /v1/bounces`: `200` with the explanation (or `null` for a message
 * that is no delivery report), `413` past the size limit, `415` for a body that is no message.
 *
 * @example app.route('/', bouncesRoute({ explainBounce }))
 */
export function bouncesRoute(options: BouncesRouteOptions): Hono {
  const limit = options.maxBytes ?? defaultMaxBytes;
  const app = new Hono();
  app.post('/v1/bounces', async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
    if (!messageTypes.has(type)) {
      return problemResponse(415, `The body must be a message (message/rfc822), got ${show(type)}`);
    }
    const bytes = await bodyOf(c.req.raw, limit);
    if (bytes === undefined) return problemResponse(413, `The message is larger than ${limit} bytes`);
    const explained = await options.explainBounce(bytes, preferenceOf(c));
    const lang = explained?.recipients[0]?.lang;
    return new Response(jsonText(explained ?? null), {
      headers: {
        ...noStore,
        'Content-Type': 'application/json',
        Vary: 'Accept-Language',
        ...(lang !== undefined && { 'Content-Language': lang }),
      },
    });
  });
  return app;
}

/** The properties of `explain`'s answer, as the service's `Explanation` schema declares them. */
const explanationProperties = Object.fromEntries(
  ['code', 'name', 'lang', 'text', 'kind', 'retryable', 'source', 'enhanced', 'reply', 'cause', 'reason'].map((key) => [
    key,
    { $ref: `#/components/schemas/Explanation/properties/${key}` },
  ]),
);

/**
 * The schema of one explained recipient: `explain`'s answer (its properties by reference, since
 * `Explanation` admits no others) plus what the report says of it.
 */
const bounceRecipientSchema = {
  type: 'object',
  required: ['code', 'lang', 'text', 'kind', 'retryable', 'follows'],
  properties: {
    ...explanationProperties,
    recipient: { type: 'string' },
    originalRecipient: { type: 'string' },
    action: { enum: ['failed', 'delayed', 'delivered', 'relayed', 'expanded'] },
    status: { type: 'string', description: 'The enhanced status code the report gives, as written.' },
    remoteMta: { type: 'string' },
    diagnostic: { type: 'string', description: "The server's words as the report writes them." },
    follows: {
      enum: ['diagnostic', 'status'],
      description: "What the explanation follows: the diagnostic's reply, or the report's status when they disagree.",
    },
  },
};

/**
 * The OpenAPI 3.1 path of `POST /v1/bounces`, for the service's document (`paths`).
 *
 * @example openApiDocument.paths = { ...openApiDocument.paths, ...bouncesPath }
 */
export const bouncesPath = {
  '/v1/bounces': {
    post: {
      operationId: 'explainBounce',
      summary: `One delivery report (a bounce) read and explained: at most ${defaultMaxBytes} bytes, the first ${bounceLimits.maxMessageBytes} read`,
      description:
        'An RFC 3464 or RFC 6533 report, a feedback report (RFC 5965), an auto-reply (RFC 3834) or the human-readable bounce of a known mail system; each recipient explained in the language asked for, in the order the report lists them.',
      parameters: [{ $ref: '#/components/parameters/lang' }, { $ref: '#/components/parameters/Accept-Language' }],
      requestBody: {
        required: true,
        content: {
          'message/rfc822': { schema: { type: 'string', format: 'binary' } },
          'message/global': { schema: { type: 'string', format: 'binary' } },
        },
      },
      responses: {
        200: {
          description: 'The report explained, or `null` when the message is no delivery report.',
          headers: {
            'Content-Language': { description: 'The language of the texts.', schema: { type: 'string' } },
            Vary: { schema: { type: 'string', const: 'Accept-Language' } },
          },
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { type: 'null' },
                  {
                    type: 'object',
                    required: ['report', 'recipients'],
                    properties: {
                      report: {
                        enum: ['delivery-status', 'global-delivery-status', 'feedback', 'auto-reply', 'human-readable'],
                      },
                      format: { type: 'string', description: 'The human-readable format read, e.g. `exim`.' },
                      reportingMta: { type: 'string' },
                      arrivalDate: { type: 'string' },
                      feedbackType: { type: 'string' },
                      message: {
                        type: 'object',
                        properties: {
                          messageId: { type: 'string' },
                          subject: { type: 'string' },
                          date: { type: 'string' },
                          recipients: { type: 'array', items: { type: 'string' } },
                        },
                      },
                      recipients: { type: 'array', items: bounceRecipientSchema },
                      omitted: { type: 'integer', minimum: 1 },
                    },
                  },
                ],
              },
            },
          },
        },
        413: { $ref: '#/components/responses/Problem413' },
        415: { $ref: '#/components/responses/Problem415' },
      },
    },
  },
} as const;
