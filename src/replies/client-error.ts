// What an SMTP client error without a reply says went wrong: nodemailer's error codes
// (lib/errors.ts: ECONNECTION, ETIMEDOUT, EAUTH…) and the Node.js system and TLS codes behind
// them (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED…), each read as one cause.

import { readField } from './read-field.js';

/**
 * The causes of a client error that carries no SMTP reply, in the order the texts pages list
 * them. Each has a text in every shipped language (`docs/project/texts/<lang>.causes.md`).
 */
export const causeIds = [
  'connection-refused',
  'connection-lost',
  'timeout',
  'host-not-found',
  'dns-unavailable',
  'host-unreachable',
  'tls-certificate',
  'tls-failed',
  'tls-required',
  'requiretls-unsupported',
  'auth-failed',
  'no-credentials',
  'no-recipients',
  'envelope-invalid',
  'too-many-recipients',
  'message-invalid',
  'protocol',
  'limit-reached',
  'aborted',
  'configuration',
  'unknown',
] as const;

/** One cause of a client error, e.g. `'connection-refused'`. */
export type CauseId = (typeof causeIds)[number];

/** A cause, and whether trying again later may succeed. */
export interface ClientErrorCause {
  id: CauseId;
  retryable: boolean;
}

// Whether each cause may pass by itself: network trouble may; a configuration, credential or
// message problem will not, however often it is retried. An unknown error is not retried.
const retryableCauses: ReadonlySet<CauseId> = new Set([
  'connection-refused',
  'connection-lost',
  'timeout',
  'dns-unavailable',
  'host-unreachable',
  'limit-reached',
]);

/** Node.js system error codes (libuv, getaddrinfo), by cause. */
const systemCodes: Readonly<Record<string, CauseId>> = {
  ECONNREFUSED: 'connection-refused',
  ECONNRESET: 'connection-lost',
  ECONNABORTED: 'connection-lost',
  EPIPE: 'connection-lost',
  ETIMEDOUT: 'timeout',
  ESOCKETTIMEDOUT: 'timeout',
  ENOTFOUND: 'host-not-found',
  EAI_NONAME: 'host-not-found',
  EAI_AGAIN: 'dns-unavailable',
  EAI_FAIL: 'dns-unavailable',
  ESERVFAIL: 'dns-unavailable',
  ECONNREFUSED_DNS: 'dns-unavailable',
  EHOSTUNREACH: 'host-unreachable',
  ENETUNREACH: 'host-unreachable',
  EHOSTDOWN: 'host-unreachable',
  ENETDOWN: 'host-unreachable',
  EADDRNOTAVAIL: 'configuration',
  ERR_ACCESS_DENIED: 'configuration',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tls-certificate',
  ERR_SSL_WRONG_VERSION_NUMBER: 'tls-failed',
};

/** nodemailer's codes (lib/errors.ts), by cause, when nothing more precise is known. */
const nodemailerCodes: Readonly<Record<string, CauseId>> = {
  ECONNECTION: 'connection-lost',
  ESOCKET: 'connection-lost',
  ETIMEDOUT: 'timeout',
  EDNS: 'dns-unavailable',
  ETLS: 'tls-failed',
  // The server lacks REQUIRETLS (RFC 8689), usually over a connection already encrypted.
  EREQUIRETLS: 'requiretls-unsupported',
  EAUTH: 'auth-failed',
  EOAUTH2: 'auth-failed',
  ENOAUTH: 'no-credentials',
  EENVELOPE: 'envelope-invalid',
  // nodemailer's own `maxRecipients` limit, checked before sending: every address may be valid.
  EMAXRECIPIENTS: 'too-many-recipients',
  EMESSAGE: 'message-invalid',
  ESTREAM: 'message-invalid',
  EOTP: 'configuration',
  EPROTOCOL: 'protocol',
  EMAXLIMIT: 'limit-reached',
  EABORT: 'aborted',
  ECONFIG: 'configuration',
  EFILEACCESS: 'configuration',
  EURLACCESS: 'configuration',
  EPROXY: 'connection-lost',
  ESENDMAIL: 'configuration',
};

// OpenSSL's certificate verification errors as Node.js names them (`error.code`).
const certificateCode =
  /^(?:CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_(?:VERIFY|GET|DECRYPT)_|ERR_TLS_CERT)/u;

/** The code of an error's `cause` (Node.js wraps TLS and DNS errors), if it has one. */
function causeCode(cause: unknown): unknown {
  return readField(cause, 'code');
}

function causeOfCode(code: unknown): CauseId | undefined {
  if (typeof code !== 'string') return undefined;
  if (certificateCode.test(code)) return 'tls-certificate';
  return Object.hasOwn(systemCodes, code) ? systemCodes[code] : undefined;
}

/** What nodemailer's message says for a code whose cases differ (no-recipients among EENVELOPE's). */
function refine(id: CauseId, error: object): CauseId {
  const message = readField(error, 'message');
  const text = typeof message === 'string' ? message : '';
  if (id === 'envelope-invalid' && /^No recipients defined/u.test(text)) return 'no-recipients';
  if (id === 'auth-failed' && /^Missing credentials/u.test(text)) return 'no-credentials';
  // nodemailer's `requireTLS` against a server that offers no STARTTLS.
  if ((id === 'connection-lost' || id === 'tls-failed') && /STARTTLS/u.test(text)) return 'tls-required';
  return id;
}

/**
 * The cause of a client error that carries no SMTP reply: from its system code (`ECONNREFUSED`,
 * the `originalCode` nodemailer keeps), else nodemailer's own code and hints (`timeoutType`),
 * else `'unknown'`; `retryable` is false for what retrying cannot fix, and for what is unknown.
 *
 * @example clientErrorCause({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }) // { id: 'connection-refused', retryable: true }
 */
export function clientErrorCause(error: unknown): ClientErrorCause {
  let id: CauseId = 'unknown';
  if (typeof error === 'object' && error !== null) {
    try {
      const code = readField(error, 'code');
      const known =
        causeOfCode(readField(error, 'originalCode')) ??
        (typeof readField(error, 'timeoutType') === 'string' ? 'timeout' : undefined) ??
        causeOfCode(code) ??
        (typeof code === 'string' && Object.hasOwn(nodemailerCodes, code) ? nodemailerCodes[code] : undefined) ??
        causeOfCode(causeCode(readField(error, 'cause')));
      if (known !== undefined) id = refine(known, error);
    } catch {
      // A getter that throws, a revoked Proxy: nothing can be read, so the cause is unknown.
      id = 'unknown';
    }
  }
  return { id, retryable: retryableCauses.has(id) };
}
