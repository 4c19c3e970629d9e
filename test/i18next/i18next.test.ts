import i18next, { type i18n } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import i18nextV23 from 'i18next-v23';
import { expect, it, describe as suite } from 'vitest';
import type { LocaleData } from '../../src/catalog/locale-data.ts';
import {
  addSmtpResources,
  shippedLanguages,
  smtpKey,
  smtpNamespace,
  smtpResources,
  toI18nextBundle,
} from '../../src/i18next.ts';
import { describe, SmtpStatusCode } from '../../src/index.ts';
import en from '../../src/locales/en.ts';
import fr from '../../src/locales/fr.ts';
import { localeFile, localeFiles } from '../helpers/locale-files.ts';

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
    const enhancedKeys = Object.keys(localeFile('fr').enhanced?.texts ?? {});
    expect(Object.keys(bundle)).toHaveLength(402 + 10 + enhancedKeys.length);
    for (const key of Object.keys(bundle)) {
      expect(key).toMatch(/^(-1|0|\d{3}|[2-5]xx|x[0-5]x|[245]_X_X|X_\d_X|X_\d_\d{1,2})$/u);
    }
  });

  it('gives the enhanced status code texts under keys without dots', async () => {
    const instance = await instanceWithAllResources();
    const english = localeFile('en').enhanced?.texts ?? {};
    for (const locale of localeFiles) {
      // A language without enhanced texts of its own gets English ones (i18next's fallbackLng).
      const texts = locale.enhanced?.texts ?? english;
      expect(instance.t('smtp:X_1_1', { lng: locale.lang })).toBe(describe('550 5.1.1 x', locale.lang));
      expect(instance.t('smtp:X_7_30', { lng: locale.lang })).toBe(texts['X.7.30']);
      expect(instance.t('smtp:5_X_X', { lng: locale.lang })).toBe(texts['5.X.X']);
    }
  });

  it('smtpKey takes names and numbers and rejects what is not a code, naming it', () => {
    expect(smtpKey('MailboxUnavailable')).toBe('550');
    expect(smtpKey(SmtpStatusCode.GeneralFailure)).toBe('-1');
    expect(smtpKey('571')).toBe('571');
    expect(() => smtpKey('5.1.1' as never)).toThrow(/"5\.1\.1"/u);
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
    expect(() => addSmtpResources({} as never)).toThrow(/Not an i18next instance: \[object Object\]/u);
    expect(() => addSmtpResources(null as never)).toThrow(TypeError);
    expect(() => toI18nextBundle(fr, 'a:b')).toThrow(/"a:b"/u);
    expect(() => toI18nextBundle({ lang: 'fr', codes: {} } as never)).toThrow(/Invalid locale: codes\.NotDefined/u);
    expect(() => smtpResources({ namespace: '' })).toThrow(/""/u);
  });
});

suite('lazy loading with i18next-resources-to-backend', () => {
  it('loads only the languages asked for, one module each, and gives the same texts', async () => {
    const loaded: string[] = [];
    const instance = i18next.createInstance();
    await instance
      .use(
        resourcesToBackend(async (lng: string, ns: string) => {
          // As in the README: only a shipped tag ever becomes a module path.
          if (ns !== smtpNamespace || !shippedLanguages.includes(lng)) return {};
          loaded.push(lng);
          const [{ default: locale }, { default: enhanced }] = await Promise.all([
            import(`../../src/locales/${lng}.ts`),
            import(`../../src/locales/${lng}.enhanced.ts`),
          ]);
          return toI18nextBundle({ ...locale, enhanced });
        }),
      )
      .init({ lng: 'fr-CA', fallbackLng: 'en', ns: [smtpNamespace], load: 'languageOnly' });
    expect(instance.t('smtp:550')).toBe(describe(550, 'fr-CA'));
    expect(instance.t('smtp:571')).toBe(describe(571, 'fr'));
    expect(instance.t('smtp:X_2_2')).toBe(describe('452 4.2.2 Mailbox full', 'fr'));
    expect(loaded.sort()).toEqual(['en', 'fr']);
    await instance.changeLanguage('../../../etc/passwd');
    expect(loaded.sort()).toEqual(['en', 'fr']);
    expect(instance.t('smtp:550')).toBe(describe(550, 'en'));
  });
});
