// A language with upstream member texts only ships: what it lacks is said in the fallback
// language (English), and each part of an explanation names the language it is in.
import { describe, expect, it } from 'vitest';
import { createCatalog, type LocaleData, SmtpStatusCode } from '../../src/index.ts';
import { localeFile } from '../helpers/locale-files.ts';

const english = localeFile('en') as unknown as LocaleData;
// A private-use tag: never a language the project may ship.
const membersOnly: LocaleData = {
  lang: 'qaa',
  codes: Object.fromEntries(Object.keys(SmtpStatusCode).map((name) => [name, `QAA ${name}`])) as LocaleData['codes'],
};
const catalog = createCatalog([english, membersOnly]);

describe('a language with member texts only', () => {
  it('says a member text in its own words, and the reason in English, each part marked', () => {
    const answer = catalog.explain(550, 'qaa');
    expect(answer).toMatchObject({ lang: 'qaa', text: 'QAA MailboxUnavailable', source: 'catalog' });
    expect(answer.reason).toMatchObject({ id: expect.any(String), lang: 'en' });
  });

  it('says an enhanced code, a generic code and a cause in English, and says so', () => {
    const enhanced = catalog.explain('550 5.1.1 no such user', 'qaa');
    expect(enhanced).toMatchObject({
      lang: 'en',
      source: 'enhanced',
      text: catalog.describe('550 5.1.1 no such user', 'en'),
    });
    expect(enhanced.enhanced).toMatchObject({ code: '5.1.1', lang: 'en' });
    expect(enhanced.reason).toMatchObject({ id: 'user-unknown', lang: 'en' });
    const generic = catalog.explain(559, 'qaa');
    expect(generic).toMatchObject({ lang: 'en', source: 'generic', text: catalog.describe(559, 'en') });
    const cause = catalog.explain({ code: 'ETIMEDOUT' }, 'qaa');
    expect(cause).toMatchObject({ lang: 'en', source: 'cause' });
    expect(cause.cause).toMatchObject({ id: 'timeout', lang: 'en', text: localeFile('en').causes?.timeout });
    expect(catalog.describeReason('mailbox-full', 'qaa')).toMatchObject({ lang: 'en' });
  });

  it('is served as itself: it was asked for, and answers what it has', () => {
    expect(catalog.served('qaa')).toEqual({ lang: 'qaa', requested: true });
    expect(catalog.languages()).toEqual(['en', 'qaa']);
  });
});
