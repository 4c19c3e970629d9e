import { reasonIds } from '../reasons/reason-ids.js';
import { causeIds } from '../replies/client-error.js';
import { packageVersion } from './package-version.js';
import { problemTitles } from './problem.js';
import { bouncesPath } from './routes/bounces.js';

/** The service's limits, as the description and the handler state them. */
export const limits = {
  /** Characters of a request URL; longer is `414`. */
  url: 4096,
  /** Bytes of a `POST /v1/explain` body; larger is `413`. */
  batchBytes: 1024 * 1024,
  /** Replies in one `POST /v1/explain`; more is `413`. */
  batchItems: 1000,
  /** Characters of one item: a reply or log line, a reply's `text` or `response`, all its `lines`; more is `400`. */
  itemChars: 16 * 1024,
  /** Lines of one reply (its line breaks, or its `lines`); more is `400`. */
  replyLines: 100,
  /** Levels a JSON body nests to: the batch, an item, a field, its entries; deeper is `400`. */
  jsonDepth: 4,
} as const;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problemRef = (status: number) => ({ $ref: `#/components/responses/Problem${status}` });
const json = (schema: object) => ({ 'application/json': { schema } });

const cachedHeaders = {
  ETag: { description: 'A strong validator of the body.', schema: { type: 'string' } },
  'Cache-Control': { schema: { type: 'string' } },
};
const localizedHeaders = {
  ...cachedHeaders,
  'Content-Language': { description: 'The language of the texts.', schema: { type: 'string' } },
  Vary: { schema: { type: 'string', const: 'Accept-Language' } },
};
const notModified = { description: 'The `If-None-Match` validator matched: the cached body is current.' };
// Each part of an explanation names its language: a language that lacks a text (a new language
// with upstream texts only) answers that part in the fallback, English, and says so here.
const partLanguage =
  "The language of this part's text: the one negotiated, or `en` (the fallback) when that language has no text for this part yet.";

const language = [{ $ref: '#/components/parameters/lang' }, { $ref: '#/components/parameters/Accept-Language' }];
const conditional = { $ref: '#/components/parameters/If-None-Match' };
const htmlPage = { 'text/html': { schema: { type: 'string' } } };
/** A page route's answer for a code or reason the catalog has none of: a page that says so, in the page's language. */
const notFoundPage = {
  description: 'A page saying that the catalog has no page for it, with a link to the list',
  headers: localizedHeaders,
  content: htmlPage,
};

/**
 * The OpenAPI 3.1 description of the service, served at `/openapi.json`. Its schemas are the
 * shapes `explain` returns (JSON Schema 2020-12, as OpenAPI 3.1 uses it).
 *
 * @example openApiDocument.paths['/v1/codes/{code}'].get.operationId // 'explainCode'
 */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'smtp-status-i18n',
    version: packageVersion,
    description:
      'What SMTP status codes and replies mean, in the language asked for: `?lang=` wins, else `Accept-Language` (q-values), else English. Errors are RFC 9457 problem details.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  paths: {
    ...bouncesPath,
    '/v1/languages': {
      get: {
        operationId: 'listLanguages',
        summary: 'The languages served',
        parameters: [conditional],
        responses: {
          200: { description: 'The languages', headers: cachedHeaders, content: json(ref('Languages')) },
          304: notModified,
        },
      },
    },
    '/v1/codes': {
      get: {
        operationId: 'listCodes',
        summary: 'Every SmtpStatusCode member, explained',
        parameters: [...language, conditional],
        responses: {
          200: { description: 'The members', headers: localizedHeaders, content: json(ref('CodeList')) },
          304: notModified,
        },
      },
    },
    '/v1/codes/{code}': {
      get: {
        operationId: 'explainCode',
        summary: 'One code, as `explain` gives it',
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            description:
              "A SmtpStatusCode value (`-1`, `0`), a member name, a reply code from 200 to 599, or an enhanced status code alone (`5.1.1`: code 0, its `text` the enhanced code's description, kind by its class).",
            schema: { type: 'string' },
            examples: { value: { value: '550' }, name: { value: 'MailboxUnavailable' } },
          },
          ...language,
          conditional,
        ],
        responses: {
          200: { description: 'The explanation', headers: localizedHeaders, content: json(ref('Explanation')) },
          304: notModified,
          400: problemRef(400),
        },
      },
    },
    '/v1/explain': {
      get: {
        operationId: 'explainReply',
        summary: 'One reply, as `explain` gives it',
        parameters: [
          {
            name: 'reply',
            in: 'query',
            required: true,
            description: `A reply as the server sent it (several lines joined with CRLF or LF, at most ${limits.replyLines}), a mail log line quoting one (Postfix, Exim, Sendmail, Exchange), an enhanced code, or a code.`,
            schema: { type: 'string' },
            example: '550 5.1.1 User unknown',
          },
          ...language,
          conditional,
        ],
        responses: {
          200: { description: 'The explanation', headers: localizedHeaders, content: json(ref('Explanation')) },
          304: notModified,
          400: problemRef(400),
        },
      },
      post: {
        operationId: 'explainReplies',
        summary: `A batch: at most ${limits.batchItems} replies and ${limits.batchBytes} bytes`,
        parameters: language,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'array',
                maxItems: limits.batchItems,
                description: `Replies, log lines and codes, or reply and client error objects (\`text\`, \`response\` strings; \`lines\` an array of at most ${limits.replyLines} strings); each item at most ${limits.itemChars} characters, nested at most ${limits.jsonDepth} levels.`,
                items: {},
              },
            },
            'text/plain': {
              schema: {
                type: 'string',
                description: `One reply or log line per line, each at most ${limits.itemChars} characters.`,
              },
            },
          },
        },
        responses: {
          200: {
            description: 'One result per item, in order: an explanation, or an error naming the item.',
            headers: { 'Content-Language': localizedHeaders['Content-Language'], Vary: localizedHeaders.Vary },
            content: json(ref('BatchResult')),
          },
          400: problemRef(400),
          413: problemRef(413),
          415: problemRef(415),
        },
      },
    },
    '/v1/reasons': {
      get: {
        operationId: 'listReasons',
        summary: 'Every reason a failure (or a delivery, a report) is given, with advice',
        parameters: [...language, conditional],
        responses: {
          200: { description: 'The reasons', headers: localizedHeaders, content: json(ref('ReasonList')) },
          304: notModified,
        },
      },
    },
    '/v1/reasons/{id}': {
      get: {
        operationId: 'describeReason',
        summary: 'One reason, with advice',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'A reason id, as `reason.id` of an explanation gives it.',
            schema: { enum: [...reasonIds] },
            example: 'user-unknown',
          },
          ...language,
          conditional,
        ],
        responses: {
          200: { description: 'The reason', headers: localizedHeaders, content: json(ref('Reason')) },
          304: notModified,
          404: problemRef(404),
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'openApi',
        summary: 'This description',
        responses: { 200: { description: 'OpenAPI 3.1', headers: cachedHeaders, content: json({ type: 'object' }) } },
      },
    },
    '/healthz': {
      get: {
        operationId: 'health',
        summary: 'Liveness',
        responses: { 200: { description: 'The service answers', content: json(ref('Health')) } },
      },
    },
    '/assets/catalog.css': {
      get: {
        operationId: 'catalogStyle',
        summary: "The catalog page's style sheet",
        responses: {
          200: { description: 'CSS', headers: cachedHeaders, content: { 'text/css': { schema: { type: 'string' } } } },
          304: notModified,
        },
      },
    },
    '/assets/catalog.js': {
      get: {
        operationId: 'catalogScript',
        summary: "The catalog page's script (the filter, as you type)",
        responses: {
          200: {
            description: 'JavaScript',
            headers: cachedHeaders,
            content: { 'text/javascript': { schema: { type: 'string' } } },
          },
          304: notModified,
        },
      },
    },
    '/': {
      get: {
        operationId: 'catalogPage',
        summary:
          'The catalog as an HTML page: every reply code, enhanced code and reason, each linking to its page; a language switcher, a filter and the paste box',
        parameters: [
          ...language,
          { name: 'q', in: 'query', description: 'Show only the rows holding this text.', schema: { type: 'string' } },
          conditional,
        ],
        responses: {
          200: {
            description: 'The page',
            headers: localizedHeaders,
            content: { 'text/html': { schema: { type: 'string' } } },
          },
          304: notModified,
        },
      },
    },
    '/explain': {
      get: {
        operationId: 'explainPageAddress',
        summary:
          "The paste box's address asked for without its form (a bookmark, a reload, a shared link): a redirect to the catalog page and its box, in the language asked for",
        parameters: language,
        responses: {
          303: {
            description: 'The catalog page, `/?lang=…`',
            headers: {
              Location: { description: 'The catalog page in the language asked for.', schema: { type: 'string' } },
            },
          },
        },
      },
      post: {
        operationId: 'explainPage',
        summary:
          "The paste box's answer as an HTML page: a reply (one or several lines), an enhanced code, a mail log line, a client error code or a whole bounce message, explained",
        parameters: language,
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: {
                type: 'object',
                required: ['input'],
                properties: { input: { type: 'string', description: 'What the server said, as pasted.' } },
              },
            },
          },
        },
        responses: {
          200: {
            description: 'The page with the explanation, or saying why the text could not be read',
            headers: localizedHeaders,
            content: htmlPage,
          },
          400: problemRef(400),
          413: {
            description:
              'The page saying the text is too long for the box (the form is larger than `limits.batchBytes`)',
            headers: localizedHeaders,
            content: htmlPage,
          },
          415: problemRef(415),
        },
      },
    },
    '/codes/{code}': {
      get: {
        operationId: 'codePage',
        summary: "A code's HTML page: its text, outcome and reason, related codes, the other languages and its JSON",
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            description:
              'A reply code (`550`), a member name, an enhanced code (`5.1.1`) or a registry code (`X.1.1`).',
            schema: { type: 'string' },
          },
          ...language,
          conditional,
        ],
        responses: {
          200: { description: 'The page', headers: localizedHeaders, content: htmlPage },
          304: notModified,
          404: notFoundPage,
        },
      },
    },
    '/reasons/{id}': {
      get: {
        operationId: 'reasonPage',
        summary:
          "A reason's HTML page: why, the advice for the sender and the administrator, the codes that lead to it",
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { enum: [...reasonIds] } },
          ...language,
          conditional,
        ],
        responses: {
          200: { description: 'The page', headers: localizedHeaders, content: htmlPage },
          304: notModified,
          404: notFoundPage,
        },
      },
    },
  },
  components: {
    parameters: {
      lang: {
        name: 'lang',
        in: 'query',
        description: 'The language: a BCP 47 tag or a POSIX locale name. Wins over `Accept-Language`.',
        schema: { type: 'string' },
      },
      'Accept-Language': {
        name: 'Accept-Language',
        in: 'header',
        description: 'Language preferences with q-values, used when there is no `lang`.',
        schema: { type: 'string' },
      },
      'If-None-Match': {
        name: 'If-None-Match',
        in: 'header',
        description: 'A validator from an earlier `ETag`: `304` when it is still current.',
        schema: { type: 'string' },
      },
    },
    responses: Object.fromEntries(
      Object.entries(problemTitles).map(([status, title]) => [
        `Problem${status}`,
        { description: title, content: { 'application/problem+json': { schema: ref('Problem') } } },
      ]),
    ),
    schemas: {
      Explanation: {
        type: 'object',
        required: ['code', 'lang', 'text', 'kind', 'retryable', 'source'],
        additionalProperties: false,
        properties: {
          code: { type: 'integer', minimum: -1, maximum: 599 },
          name: { type: 'string' },
          lang: { type: 'string', description: partLanguage },
          text: { type: 'string', minLength: 1 },
          kind: { enum: ['positive', 'intermediate', 'transient', 'permanent', 'unknown'] },
          retryable: { type: 'boolean' },
          source: { enum: ['catalog', 'generic', 'enhanced', 'cause', 'reason'] },
          enhanced: ref('EnhancedExplanation'),
          reply: {
            type: 'object',
            required: ['text', 'lines'],
            additionalProperties: false,
            properties: { text: { type: 'string' }, lines: { type: 'array', items: { type: 'string' } } },
          },
          recipient: { type: 'string', description: 'For a mail log line: the recipient it names.' },
          detail: {
            type: 'string',
            description: 'For a mail log line that quotes no reply: what the log says instead.',
          },
          cause: {
            type: 'object',
            description: 'For a client error without a reply: what went wrong, described.',
            required: ['id', 'lang', 'text'],
            additionalProperties: false,
            properties: {
              id: { enum: [...causeIds] },
              lang: { type: 'string', description: partLanguage },
              text: { type: 'string', minLength: 1 },
            },
          },
          reason: ref('ReasonExplanation'),
        },
      },
      ReasonExplanation: {
        type: 'object',
        description:
          "Why the request ended as it did, and advice for the sender and the sending system's administrator.",
        required: ['id', 'lang', 'text', 'advice', 'by', 'disagrees'],
        additionalProperties: false,
        properties: {
          id: { enum: [...reasonIds] },
          lang: { type: 'string', description: partLanguage },
          text: { type: 'string', minLength: 1 },
          advice: ref('Advice'),
          by: { enum: ['report', 'cause', 'provider', 'words', 'enhanced', 'code'] },
          provider: { type: 'string' },
          link: { type: 'string' },
          list: { type: 'string' },
          disagrees: { type: 'boolean' },
        },
      },
      Reason: {
        type: 'object',
        description: 'A reason as listed: why, and advice for the sender and the administrator.',
        required: ['id', 'lang', 'text', 'advice'],
        additionalProperties: false,
        properties: {
          id: { enum: [...reasonIds] },
          lang: { type: 'string', description: 'The language of `text` and `advice`.' },
          text: { type: 'string', minLength: 1 },
          advice: ref('Advice'),
          client: {
            type: 'object',
            description:
              "How a mail client's own error of this reason is told (it could not reach the server it sends through, or set up encryption with it): for the person at the mail client, in place of `text` and `advice`. Only the reasons told otherwise for a client error have it.",
            required: ['lang', 'text', 'advice'],
            additionalProperties: false,
            properties: {
              lang: { type: 'string', description: 'The language of `text` and `advice`.' },
              text: { type: 'string', minLength: 1 },
              advice: ref('Advice'),
            },
          },
        },
      },
      ReasonList: {
        type: 'object',
        required: ['lang', 'reasons'],
        additionalProperties: false,
        properties: { lang: { type: 'string' }, reasons: { type: 'array', items: ref('Reason') } },
      },
      Advice: {
        type: 'object',
        required: ['sender', 'admin'],
        additionalProperties: false,
        properties: {
          sender: { type: 'string', minLength: 1, description: 'For the person who wrote the message.' },
          admin: { type: 'string', minLength: 1, description: 'For whoever runs the sending mail system.' },
        },
      },
      EnhancedExplanation: {
        type: 'object',
        required: ['code', 'class', 'subject', 'detail', 'lang', 'text', 'source', 'agrees'],
        additionalProperties: false,
        properties: {
          code: { type: 'string', pattern: '^[245]\\.\\d{1,3}\\.\\d{1,3}$' },
          class: { enum: [2, 4, 5] },
          subject: { type: 'integer', minimum: 0 },
          detail: { type: 'integer', minimum: 0 },
          lang: { type: 'string', description: partLanguage },
          text: { type: 'string', minLength: 1 },
          source: { enum: ['registry', 'generic'] },
          agrees: {
            type: 'boolean',
            description: "`false` when the class is not the reply code's (`550 4.4.7`): the reply code decides `kind`.",
          },
        },
      },
      CodeList: {
        type: 'object',
        required: ['lang', 'codes'],
        additionalProperties: false,
        properties: { lang: { type: 'string' }, codes: { type: 'array', items: ref('Explanation') } },
      },
      Languages: {
        type: 'object',
        required: ['default', 'languages'],
        additionalProperties: false,
        properties: {
          default: { type: 'string', description: 'The language used when no preference can be served.' },
          languages: {
            type: 'array',
            items: {
              type: 'object',
              required: ['tag', 'name', 'dir'],
              additionalProperties: false,
              properties: { tag: { type: 'string' }, name: { type: 'string' }, dir: { enum: ['ltr', 'rtl'] } },
            },
          },
        },
      },
      BatchResult: {
        type: 'object',
        required: ['lang', 'results'],
        additionalProperties: false,
        properties: {
          lang: { type: 'string' },
          results: { type: 'array', items: { oneOf: [ref('Explanation'), ref('ItemError')] } },
        },
      },
      ItemError: {
        type: 'object',
        required: ['error'],
        additionalProperties: false,
        properties: { error: { type: 'string', description: 'Why the item is not a reply or a code, naming it.' } },
      },
      Health: {
        type: 'object',
        required: ['status'],
        additionalProperties: false,
        properties: { status: { const: 'ok' } },
      },
      Problem: {
        type: 'object',
        description: 'RFC 9457 problem details.',
        required: ['type', 'title', 'status', 'detail'],
        additionalProperties: false,
        properties: {
          type: { type: 'string', format: 'uri-reference' },
          title: { type: 'string' },
          status: { type: 'integer', minimum: 400, maximum: 599 },
          detail: { type: 'string' },
        },
      },
    },
  },
} as const;
