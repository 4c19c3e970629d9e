// `POST /v1/bounces`: one message (`message/rfc822`) read as a delivery report, each recipient
// explained in the negotiated language. A sub-app the service mounts; it takes the explainer, so
// the service's bundle holds MIME code only where it is mounted.
import { Hono } from 'hono/tiny';
import type { BounceExplainer } from '../../bounces/explain-bounce.js';
import { bounceLimits } from '../../bounces/limits.js';
import { show } from '../../errors/show-value.js';
import { jsonText, problemResponse, uncachedJson } from '../answers.js';
import { readBytes } from '../read-body.js';
import { preferenceOf } from '../service-context.js';

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
    const bytes = await readBytes(c.req.raw, limit);
    if (bytes === undefined) return problemResponse(413, `The message is larger than ${limit} bytes`);
    const explained = await options.explainBounce(bytes, preferenceOf(c));
    const lang = explained?.recipients[0]?.lang;
    const headers = { Vary: 'Accept-Language', ...(lang !== undefined && { 'Content-Language': lang }) };
    return uncachedJson(jsonText(explained ?? null), headers);
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
      enum: ['diagnostic', 'status', 'action'],
      description:
        "What the explanation follows: the diagnostic's reply; the report's status when they disagree; its action (failed) when its status is transient, told as the same status of class 5 (final).",
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
