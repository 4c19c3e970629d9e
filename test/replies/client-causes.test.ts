// The causes of client errors without a reply: every language describes every cause (nothing
// missing, nothing extra), each error shape nodemailer and Node.js document maps to its cause,
// and `retryable` is false for what retrying cannot fix.
import { expect, it, describe as suite } from 'vitest';
import { causeIds, describe, explain } from '../../src/index.ts';
import { clientErrorCause } from '../../src/replies/client-error.ts';
import { localeFile, localeFiles, localesWith } from '../helpers/locale-files.ts';
import { outcomeWords } from '../helpers/outcome-lexicon.ts';

suite('cause texts', () => {
  // The reference is the English page (the fallback), checked against the ids the code knows.
  const reference = Object.keys(localeFile('en').causes ?? {});

  it('the English page describes exactly the causes the code knows, in its order', () => {
    expect(reference).toEqual([...causeIds]);
  });

  it.each(localesWith('causes').map((locale) => [locale.lang, locale] as const))(
    '%s describes every cause and no other, each text its own, one trimmed sentence',
    (lang, locale) => {
      const texts = locale.causes ?? {};
      expect(Object.keys(texts)).toEqual(reference);
      const values = Object.values(texts);
      expect(new Set(values).size).toBe(values.length);
      for (const text of values) {
        expect(text).toBe(text.trim());
        expect(text.length).toBeLessThanOrEqual(200);
        expect(text).toMatch(lang === 'zh' ? /^[^。]+。$/u : /^[^.]+\.$/u);
      }
    },
  );

  it('keeps each language’s typography (docs/texts-style.md)', () => {
    const texts = (lang: string) => Object.values(localeFile(lang).causes ?? {}).join('\n');
    expect(texts('fr')).not.toMatch(/'| [;:?!]|\u00A0/u);
    expect(texts('fr')).toMatch(/\u202F;/u);
    expect(texts('it')).not.toMatch(/'/u);
    expect(texts('zh')).not.toMatch(/[,;:()?!]/u);
    expect(texts('ar')).not.toMatch(/[,;?\u200E\u200F\u061C]/u);
    for (const { lang } of localeFiles) expect(texts(lang)).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/u);
  });

  // Causes that receive more than one case say what holds for each (issue 22's review): a name
  // that does not resolve may be misspelt, so no "for now"; REQUIRETLS is not a connection that
  // lacks encryption; too many recipients says nothing against the addresses.
  it.each(localesWith('causes').map(({ lang }) => lang))(
    '%s: dns-unavailable, requiretls-unsupported and too-many-recipients hold no word of time',
    (lang) => {
      const texts = localeFile(lang).causes ?? {};
      for (const id of ['dns-unavailable', 'requiretls-unsupported', 'too-many-recipients']) {
        expect(outcomeWords(lang, texts[id] ?? '', ['temporary']), `${lang} ${id}`).toEqual([]);
      }
      // REQUIRETLS is named as RFC 8689 names it, in every language.
      expect(texts['requiretls-unsupported']).toContain('REQUIRETLS');
      expect(texts['requiretls-unsupported']).not.toBe(texts['tls-required']);
    },
  );

  it('explain and describe give the cause text in every language (the fallback’s, marked, where it has none)', () => {
    for (const { lang, causes: own } of localeFiles) {
      const said = own === undefined ? 'en' : lang;
      const causes = localeFile(said).causes;
      const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
      expect(explain(error, lang).cause).toEqual({
        id: 'connection-refused',
        lang: said,
        text: causes?.['connection-refused'],
      });
      expect(describe({ code: 'EAUTH', response: undefined }, lang)).toBe(causes?.['auth-failed']);
    }
  });
});

suite('error shapes → causes', () => {
  // As nodemailer (dist/esm/smtp-connection/index.js, _formatError) and Node.js build them.
  const cases: [string, object, string, boolean][] = [
    ['refused port (socket)', { code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'connection-refused', true],
    ['refused port (plain Node.js)', { code: 'ECONNREFUSED', syscall: 'connect' }, 'connection-refused', true],
    ['greeting timeout', { code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }, 'timeout', true],
    ['connection timeout', { code: 'ETIMEDOUT', timeoutType: 'CONNECT_TIMEOUT' }, 'timeout', true],
    ['server closed', { code: 'ECONNECTION', message: 'Connection closed unexpectedly' }, 'connection-lost', true],
    ['reset', { code: 'ESOCKET', originalCode: 'ECONNRESET' }, 'connection-lost', true],
    ['unknown host', { code: 'EDNS', originalCode: 'ENOTFOUND' }, 'host-not-found', false],
    ['DNS for now', { code: 'EDNS', originalCode: 'EAI_AGAIN' }, 'dns-unavailable', true],
    ['DNS, no detail', { code: 'EDNS' }, 'dns-unavailable', true],
    ['unreachable', { code: 'ESOCKET', originalCode: 'EHOSTUNREACH' }, 'host-unreachable', true],
    ['expired certificate', { code: 'ESOCKET', originalCode: 'CERT_HAS_EXPIRED' }, 'tls-certificate', false],
    ['self-signed', { code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'tls-certificate', false],
    ['leaf', { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }, 'tls-certificate', false],
    ['host name', { code: 'ETLS', originalCode: 'ERR_TLS_CERT_ALTNAME_INVALID' }, 'tls-certificate', false],
    ['TLS handshake', { code: 'ETLS', message: 'Error initiating TLS - wrong version' }, 'tls-failed', false],
    ['REQUIRETLS (RFC 8689) lacking', { code: 'EREQUIRETLS' }, 'requiretls-unsupported', false],
    [
      'requireTLS, no STARTTLS offered',
      { code: 'ETLS', message: 'Error upgrading connection with STARTTLS' },
      'tls-required',
      false,
    ],
    ['login refused', { code: 'EAUTH', message: 'Invalid login' }, 'auth-failed', false],
    ['OAuth2', { code: 'EOAUTH2' }, 'auth-failed', false],
    ['no credentials', { code: 'EAUTH', message: 'Missing credentials for "PLAIN"' }, 'no-credentials', false],
    ['ENOAUTH', { code: 'ENOAUTH' }, 'no-credentials', false],
    ['no recipients', { code: 'EENVELOPE', message: 'No recipients defined' }, 'no-recipients', false],
    ['bad sender', { code: 'EENVELOPE', message: 'Invalid sender "x"' }, 'envelope-invalid', false],
    [
      'too many recipients (maxRecipients)',
      { code: 'EMAXRECIPIENTS', message: 'Message has 101 recipients, which is over the 100 allowed by maxRecipients' },
      'too-many-recipients',
      false,
    ],
    ['empty message', { code: 'EMESSAGE', message: 'Empty message' }, 'message-invalid', false],
    ['stream', { code: 'ESTREAM' }, 'message-invalid', false],
    ['protocol', { code: 'EPROTOCOL' }, 'protocol', false],
    ['pool limit', { code: 'EMAXLIMIT' }, 'limit-reached', true],
    ['aborted', { code: 'EABORT' }, 'aborted', false],
    ['configuration', { code: 'ECONFIG' }, 'configuration', false],
    ['permission model', { code: 'ERR_ACCESS_DENIED' }, 'configuration', false],
    ['wrapped Node.js cause', { code: 'EWHATEVER', cause: { code: 'ECONNREFUSED' } }, 'connection-refused', true],
    ['unknown code', { code: 'EWHATEVER' }, 'unknown', false],
    ['plain Error', new Error('boom'), 'unknown', false],
    ['prototype probe', { code: '__proto__' }, 'unknown', false],
    ['toString probe', { code: 'toString' }, 'unknown', false],
  ];

  it.each(cases)('%s → %s', (_name, error, id, retryable) => {
    expect(clientErrorCause(error)).toEqual({ id, retryable });
    const explained = explain(error, 'en');
    expect(explained).toMatchObject({ code: -1, name: 'GeneralFailure', retryable, cause: { id } });
    expect(explained.kind).toBe(retryable ? 'transient' : id === 'unknown' ? 'unknown' : 'permanent');
  });

  it('a reply wins over the cause: a nodemailer error carrying one is explained by it', () => {
    const error = { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Authentication credentials invalid' };
    expect(explain(error, 'en')).toMatchObject({ code: 535, retryable: false, enhanced: { code: '5.7.8' } });
    expect(explain(error, 'en').cause).toBeUndefined();
  });
});
