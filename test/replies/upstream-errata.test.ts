// Issue 22's review of upstream texts still wrong after the first errata, each decided in
// docs/project/texts/errata.md against RFC 5321 (and RFC 4954 for 432 and 530): what a user
// reads for the code no longer says what the review found wrong.
import { expect, it, describe as suite } from 'vitest';
import { describe } from '../../src/index.ts';
import { localeFile, localeFiles } from '../helpers/locale-files.ts';

// Each language's word for the sender (docs/texts-style.md, fixed terms): 553 also answers MAIL FROM.
const sender: Record<string, RegExp> = {
  ar: /المرسل/u,
  de: /Absender/u,
  en: /sender/u,
  es: /remitente/u,
  fr: /expéditeur/u,
  it: /mittente/u,
  ru: /отправител/u,
  sv: /avsändar/u,
  tr: /gönderen/u,
  zh: /发件人/u,
};

suite('upstream texts corrected after the review', () => {
  it.each([
    // 502 "Command not implemented": a state of the server, not a command that was not executed.
    ['ar', 502, /تنفيذ/u, /غير مطبَّق/u],
    ['tr', 502, /uygulanmadı/u, /uygulanmamış/u],
    // 221: the service is closing the channel (a sentence), not a label.
    ['ar', 221, /^خدمة إغلاق/u, /تغلق/u],
    ['es', 221, /de cierre de servicio/u, /está cerrando/u],
    ['it', 221, /chiusura servizio/u, /sta chiudendo/u],
    ['sv', 221, /Service stängning/u, /stänger/u],
    // 432 (RFC 4954): a transition to another sign-in method, not a new password.
    ['de', 432, /Passwortwechsel/u, /PLAIN/u],
    ['ru', 432, /смена пароля/u, /PLAIN/u],
    // 530 (RFC 4954): the client has not signed in; nothing failed "otherwise".
    ['ru', 530, /иначе|не прошел/u, /не выполнил вход/u],
    // 211: a help reply answers the user who asked.
    ['tr', 211, /kullanıcıya yardım bilgisi isteyen/u, /isteyen kullanıcıya/u],
    // 214: the last sentence joined a noun and a clause.
    ['fr', 214, /et comment le serveur/u, /et de la façon dont/u],
    ['it', 214, /e come risponde/u, /e del modo in cui/u],
    ['es', 214, /y cómo responde/u, /y de la forma en que/u],
  ] as const)('%s %i', (lang, code, wrong, right) => {
    const text = describe(code, lang);
    expect(text).not.toMatch(wrong);
    expect(text).toMatch(right);
  });

  it.each(localeFiles.map(({ lang }) => lang))(
    '%s: 503 is a bad sequence of commands, 553 may concern the sender',
    (lang) => {
      const { errata = {} } = localeFile(lang) as { errata?: Record<string, { upstream: string }> };
      // 503 describes "bad sequence of commands" (RFC 5321), not only its during-a-transaction case.
      expect(describe(503, lang)).not.toBe(errata.CommandNotPermitted?.upstream);
      expect(errata.CommandNotPermitted?.upstream).toBeDefined();
      // 553 answers MAIL FROM too (RFC 5321 section 4.3.2): the text names the sender's address.
      expect(describe(553, lang)).toMatch(sender[lang] ?? /$^/u);
    },
  );

  it('503 in English opens with its RFC 5321 wording', () => {
    expect(describe(503, 'en')).toMatch(/^Bad sequence of commands/u);
  });
});
