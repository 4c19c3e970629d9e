// The headers every answer of the service carries, and the policies of its two kinds of answer.

/** Response headers as a plain object (on Node they are written as they are, without a `Headers`). */
export type HeaderMap = Record<string, string>;

/** The API's `Content-Security-Policy`: JSON loads nothing. @example headers['Content-Security-Policy'] = apiPolicy */
export const apiPolicy = "default-src 'none'; frame-ancestors 'none'";

/** The page's `Content-Security-Policy`: its own style sheet and script only, no inline code; the script fetches the paste box's answer from the service. @example answer(html, type, { policy: pagePolicy }) */
export const pagePolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The headers of every answer: security, and CORS for any origin without credentials.
 *
 * @example new Response(body, { headers: { ...commonHeaders, 'Content-Type': jsonType } })
 */
export const commonHeaders: Readonly<HeaderMap> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': apiPolicy,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Content-Language, ETag',
};

/** The request headers a CORS preflight allows. @example preflight['Access-Control-Allow-Headers'] = allowedRequestHeaders */
export const allowedRequestHeaders = 'Accept-Language, Content-Type, If-None-Match';

/** The media type of the API's bodies. @example { 'Content-Type': jsonType } */
export const jsonType = 'application/json';
