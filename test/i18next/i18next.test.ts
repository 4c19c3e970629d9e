import i18next, { type i18n } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import i18nextV23 from 'i18next-v23';
import { expect, it, describe as suite } from 'vitest';
import type { LocaleData } from '../../src/catalog/locale-data.ts';
import * as lean from '../../src/i18next.ts';
import {
  addSmtpResources,
  shippedLanguages,
  smtpKey,
  smtpNamespace,
  smtpResources,
  toI18nextBundle,
} from '../../src/i18next-all.ts';
import { describe, describeReason, explain, SmtpStatusCode } from '../../src/index.ts';
import en from '../../src/locales/en.ts';
import fr from '../../src/locales/fr.ts';
import { localeLoaders } from '../../src/locales/index.ts';
import { localeFile, localeFiles, localesWith } from '../helpers/locale-files.ts';
import * as timeouts from '../helpers/timeouts.ts';

const allCodes = [-1, 0, ...Array.from({ length: 400 }, (_, index) => 200 + index)];
const tags = [...localeFiles.map((locale) => locale.lang), 'fr-CA', 'ar-EG', 'pt-BR', 'de', 'tr-TR', 'zz'];

async function instanceWithAllResources(factory: Pick<typeof i18next, 'createInstance'> = i18next): Promise<i18n> {
  const instance = factory.createInstance();
  await instance.init({ fallbackLng: 'en' });
  addSmtpResources(instance);
  return instance;
}

suite('i18next resources', () => {
  it.each([
    ['26', i18next],
    ['23', i18nextV23 as unknown as typeof i18next],
  ])(
    'with i18next %s, t(smtp:<code>) equals describe(code, lng) for every code and language, regional tags included',
    async (_, factory) => {
      const instance = await instanceWithAllResources(factory);
      let compared = 0;
      for (const lng of tags) {
        for (const code of allCodes) {
          expect(instance.t(`smtp:${smtpKey(code)}`, { lng }), `${lng} ${code}`).toBe(describe(code, lng));
          compared++;
        }
      }
      expect(compared).toBe(tags.length * 402);
    },
    timeouts.exhaustive,
  );

  it('the member texts are the locale files, in every shipped language', async () => {
    const instance = await instanceWithAllResources();
    for (const locale of localeFiles) {
      expect(instance.t('smtp:550', { lng: locale.lang })).toBe(locale.codes.MailboxUnavailable);
      expect(instance.t('smtp:-1', { lng: locale.lang })).toBe(locale.codes.GeneralFailure);
    }
  });

  it('keys are plain: no namespace or key separator, so default i18next options work', () => {
    const bundle = smtpResources().fr?.[smtpNamespace] ?? {};
    const enhancedKeys = Object.keys(localeFile('fr').enhanced ?? {});
    const registered = enhancedKeys.filter((key) => /^X\.\d+\.\d+$/u.test(key));
    const causes = Object.keys(localeFile('fr').causes ?? {});
    const reasons = Object.keys(localeFile('fr').reasons ?? {});
    const client = Object.keys(localeFile('fr').client ?? {});
    expect(client.length).toBeGreaterThan(0);
    // Members and reply codes, generic texts, enhanced texts, each registered code with each
    // class, causes, each reason's why and two pieces of advice, and a client error's the same.
    expect(Object.keys(bundle)).toHaveLength(
      402 + 10 + enhancedKeys.length + 3 * registered.length + causes.length + 3 * reasons.length + 3 * client.length,
    );
    for (const key of Object.keys(bundle)) {
      expect(key).toMatch(
        /^(-1|0|\d{3}|[2-5]xx|x[0-5]x|[245]_X_X|X_\d_X|[245X]_\d_\d{1,2}|cause_[a-z]+(-[a-z]+)*|reason_[a-z]+(-[a-z]+)*(_client)?(_sender|_admin)?)$/u,
      );
    }
  });

  it('gives the enhanced status code texts under keys without dots', async () => {
    const instance = await instanceWithAllResources();
    for (const locale of localeFiles) {
      // A language without enhanced texts has the fallback's (i18next's fallbackLng: en).
      const texts = locale.enhanced ?? localeFile('en').enhanced ?? {};
      // A code with its class: what describe says for a reply carrying it.
      expect(instance.t('smtp:5_1_1', { lng: locale.lang })).toBe(describe('550 5.1.1 x', locale.lang));
      expect(instance.t('smtp:4_7_1', { lng: locale.lang })).toBe(describe('451 4.7.1 x', locale.lang));
      expect(instance.t('smtp:2_6_0', { lng: locale.lang })).toBe(describe('250 2.6.0 x', locale.lang));
      expect(instance.t('smtp:X_1_1', { lng: locale.lang })).toBe(texts['X.1.1']);
      expect(instance.t('smtp:X_7_30', { lng: locale.lang })).toBe(texts['X.7.30']);
      expect(instance.t('smtp:5_X_X', { lng: locale.lang })).toBe(texts['5.X.X']);
    }
  });

  it.each([
    ['26', i18next],
    ['23', i18nextV23 as unknown as typeof i18next],
  ])(
    "with i18next %s, every reason and its advice, and every cause, in every language, are the locale file's",
    async (_, factory) => {
      const instance = await instanceWithAllResources(factory);
      for (const locale of localesWith('reasons', 'causes')) {
        const reasons = Object.entries(locale.reasons ?? {});
        const causes = Object.entries(locale.causes ?? {});
        expect(reasons.length, locale.lang).toBeGreaterThan(0);
        expect(causes.length, locale.lang).toBeGreaterThan(0);
        for (const lng of [locale.lang, `${locale.lang}-ZZ`]) {
          for (const [id, texts] of reasons) {
            expect(instance.t(`smtp:reason_${id}`, { lng }), `${lng} ${id}`).toBe(texts.why);
            expect(instance.t(`smtp:reason_${id}_sender`, { lng })).toBe(texts.sender);
            expect(instance.t(`smtp:reason_${id}_admin`, { lng })).toBe(texts.admin);
            // The advice as the why key's context.
            expect(instance.t(`smtp:reason_${id}`, { lng, context: 'sender' })).toBe(texts.sender);
            expect(instance.t(`smtp:reason_${id}`, { lng, context: 'admin' })).toBe(texts.admin);
          }
          for (const [id, text] of causes) expect(instance.t(`smtp:cause_${id}`, { lng }), `${lng} ${id}`).toBe(text);
        }
      }
    },
  );

  it('the reason keys say what describeReason and explain say, and the cause keys what explain says', async () => {
    const instance = await instanceWithAllResources();
    const blocked = explain(
      '550 5.7.1 Service unavailable; Client host [192.0.2.30] blocked using zen.spamhaus.org',
      'ru',
    );
    const reason = blocked.reason;
    expect(reason?.id).toBe('blocked');
    expect(instance.t(`smtp:reason_${reason?.id}`, { lng: 'ru' })).toBe(reason?.text);
    expect(instance.t(`smtp:reason_${reason?.id}_admin`, { lng: 'ru' })).toBe(reason?.advice.admin);
    expect(instance.t('smtp:reason_mailbox-full_sender', { lng: 'tr' })).toBe(
      describeReason('mailbox-full', 'tr').advice.sender,
    );
    const refused = explain({ code: 'ECONNREFUSED' }, 'zh');
    expect(instance.t(`smtp:cause_${refused.cause?.id}`, { lng: 'zh' })).toBe(refused.cause?.text);
    // A client error's reason, as explain tells it: the client keys, the advice as their contexts.
    expect(refused.reason?.id).toBe('network-error');
    expect(instance.t('smtp:reason_network-error_client', { lng: 'zh' })).toBe(refused.reason?.text);
    expect(instance.t('smtp:reason_network-error_client', { lng: 'zh', context: 'sender' })).toBe(
      refused.reason?.advice.sender,
    );
    expect(instance.t('smtp:reason_network-error_client_admin', { lng: 'zh' })).toBe(refused.reason?.advice.admin);
    expect(instance.t('smtp:reason_network-error', { lng: 'zh' })).not.toBe(refused.reason?.text);
  });

  it.each([
    ['no key separator', false as const],
    ['another key separator', '|'],
    ['the default key separator', '.'],
  ])('reason and cause keys work with %s', async (_, keySeparator) => {
    const instance = i18next.createInstance();
    await instance.init({ fallbackLng: 'en', keySeparator, resources: smtpResources({ locales: [fr] }) });
    expect(instance.t('smtp:reason_user-unknown_admin', { lng: 'fr' })).toBe(fr.reasons?.['user-unknown']?.admin);
    expect(instance.t('smtp:cause_timeout', { lng: 'fr' })).toBe(fr.causes?.timeout);
    expect(instance.t('smtp:X_1_1', { lng: 'fr' })).toBe(fr.enhanced?.['X.1.1']);
  });

  it('a locale without reason or cause texts leaves them to the fallback language', async () => {
    const bare: LocaleData = { lang: 'fr', codes: fr.codes };
    const instance = i18next.createInstance();
    await instance.init({ fallbackLng: 'en' });
    addSmtpResources(instance, { locales: [bare, en] });
    expect(instance.t('smtp:reason_expired', { lng: 'fr' })).toBe(localeFile('en').reasons?.expired?.why);
    expect(instance.t('smtp:cause_timeout', { lng: 'fr' })).toBe(localeFile('en').causes?.timeout);
  });

  it('smtpKey takes names and numbers and rejects what is not a code, naming it', () => {
    expect(smtpKey('MailboxUnavailable')).toBe('550');
    expect(smtpKey(SmtpStatusCode.GeneralFailure)).toBe('-1');
    expect(smtpKey('571')).toBe('571');
    // It names the value and what it takes: codes only, never the replies describe takes.
    expect(() => smtpKey('5.1.1' as never)).toThrow(
      'Not an SMTP status code: "5.1.1" (expected an SmtpStatusCode value or name, or an SMTP reply code from 200 to 599)',
    );
  });

  it('a locale without generic texts leaves unlisted codes to the fallback language', async () => {
    const bare: LocaleData = { lang: 'fr', codes: fr.codes };
    const instance = i18next.createInstance();
    await instance.init({ fallbackLng: 'en' });
    addSmtpResources(instance, { locales: [bare, en] });
    expect(instance.t('smtp:550', { lng: 'fr' })).toBe(fr.codes.MailboxUnavailable);
    expect(instance.t('smtp:571', { lng: 'fr' })).toBe(describe(571, 'en'));
  });

  it('another namespace works, and merging keeps the keys already in it', async () => {
    const instance = i18next.createInstance();
    await instance.init({ fallbackLng: 'en', resources: { fr: { mail: { subject: 'Objet' } } } });
    addSmtpResources(instance, { namespace: 'mail' });
    expect(instance.t('mail:subject', { lng: 'fr' })).toBe('Objet');
    expect(instance.t('mail:571', { lng: 'fr-CA' })).toBe(describe(571, 'fr'));
  });

  it('rejects what is not an i18next instance and namespaces that would break keys, naming them', () => {
    expect(() => addSmtpResources({} as never)).toThrow(/Not an i18next instance: \{\}/u);
    expect(() => addSmtpResources(null as never)).toThrow(TypeError);
    expect(() => toI18nextBundle(fr, 'a:b')).toThrow(/"a:b"/u);
    expect(() => toI18nextBundle({ lang: 'fr', codes: {} } as never)).toThrow(/Invalid locale: codes\.NotDefined/u);
    expect(() => smtpResources({ namespace: '' })).toThrow(/""/u);
    const badReason = { ...fr, reasons: { 'not-a-reason': { why: 'x', sender: 'y', admin: 'z' } } };
    expect(() => toI18nextBundle(badReason as never)).toThrow(/reasons has an unknown key "not-a-reason"/u);
    expect(() => toI18nextBundle({ ...fr, causes: { timeout: '' } })).toThrow(/causes\.timeout/u);
  });
});

suite('lazy loading with i18next-resources-to-backend', () => {
  it('loads only the languages asked for, one module each, and gives the same texts', async () => {
    const loaded: string[] = [];
    const instance = i18next.createInstance();
    await instance
      .use(
        resourcesToBackend(async (lng: string, ns: string) => {
          // As in the README: a tag that is not shipped finds no loader.
          const load = ns === smtpNamespace ? localeLoaders[lng] : undefined;
          if (load) loaded.push(lng);
          return load ? toI18nextBundle(await load()) : {};
        }),
      )
      .init({ lng: 'fr-CA', fallbackLng: 'en', ns: [smtpNamespace], load: 'languageOnly' });
    expect(instance.t('smtp:550')).toBe(describe(550, 'fr-CA'));
    expect(instance.t('smtp:571')).toBe(describe(571, 'fr'));
    expect(instance.t('smtp:4_2_2')).toBe(describe('452 4.2.2 Mailbox full', 'fr'));
    expect(loaded.sort()).toEqual(['en', 'fr']);
    await instance.changeLanguage('../../../etc/passwd');
    expect(loaded.sort()).toEqual(['en', 'fr']);
    expect(instance.t('smtp:550')).toBe(describe(550, 'en'));
  });
});

suite('the lean i18next entry: the languages given, no default', () => {
  it('adds and returns the locales given, as the full entry does for them', async () => {
    const instance = i18next.createInstance();
    await instance.init({ fallbackLng: 'fr' });
    lean.addSmtpResources(instance, { locales: [fr] });
    expect(instance.t('smtp:550', { lng: 'fr-CA' })).toBe(describe(550, 'fr'));
    expect(instance.t('smtp:5_1_1', { lng: 'fr' })).toBe(describe('550 5.1.1 x', 'fr'));
    expect(instance.t('smtp:reason_blocked_sender', { lng: 'fr-CA' })).toBe(localeFile('fr').reasons?.blocked?.sender);
    // French alone: every language it is asked for reads French, reasons and causes too.
    expect(instance.t('smtp:reason_blocked', { lng: 'de' })).toBe(localeFile('fr').reasons?.blocked?.why);
    expect(Object.keys(lean.smtpResources({ locales: [fr] }))).toEqual(['fr']);
    expect(lean.smtpResources({ locales: [fr, en], namespace: 'mail' })).toEqual(
      smtpResources({ locales: [fr, en], namespace: 'mail' }),
    );
    expect(Object.keys(lean)).toEqual(expect.arrayContaining(['toI18nextBundle', 'smtpNamespace', 'shippedLanguages']));
  });

  it('refuses to guess: without locales it names what to pass, or the entry with every language', () => {
    expect(() => lean.smtpResources(undefined as never)).toThrow(/\{ locales: \[\.\.\.\] \}.*i18next\/all/u);
    expect(() => lean.addSmtpResources(i18next, {} as never)).toThrow(TypeError);
    expect(() => lean.smtpResources({ locales: [fr], namespace: 'a.b' })).toThrow(/"a\.b"/u);
  });

  it('the loaders cover exactly the shipped languages and give each complete locale', async () => {
    expect(Object.keys(localeLoaders)).toEqual([...shippedLanguages]);
    for (const probe of ['__proto__', 'constructor', 'toString', 'fr-CA', '../fr']) {
      expect(localeLoaders[probe], probe).toBeUndefined();
    }
    const loadedFr = await localeLoaders.fr?.();
    expect(loadedFr).toBe(fr);
    expect(Object.keys(loadedFr?.enhanced ?? {})).toEqual(Object.keys(localeFile('fr').enhanced ?? {}));
  });
});
