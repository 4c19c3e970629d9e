// The JSON Schema shipped for locale files (locales/locale.schema.json): translators' editors
// and other tools check a locale against it, so it must take every locale the build writes and
// refuse what `registerLocale` refuses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { localeFile, localeFiles } from '../helpers/locale-files.ts';
import { localesDir } from '../helpers/temp-dir.ts';

const schema = JSON.parse(readFileSync(join(localesDir, 'locale.schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true }).compile(schema);

/** The schema's complaints about a locale, as ajv words them (`[]`: valid). */
const problems = (locale: unknown) =>
  validate(locale) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);

describe('locales/locale.schema.json', () => {
  it('takes every locale file the build writes', () => {
    expect(localeFiles.length).toBe(10);
    for (const locale of localeFiles) expect(problems(locale), locale.lang).toEqual([]);
  });

  it('names what it writes once: a text, and the why-sender-admin texts of a reason', () => {
    expect(Object.keys(schema.$defs as object).sort()).toEqual(['text', 'why-sender-admin']);
  });

  it('refuses an empty text, a member or reason it does not know, and a reason without its advice', () => {
    const french = localeFile('fr');
    const changed = (change: (copy: ReturnType<typeof localeFile>) => void) => {
      const copy = structuredClone(french);
      change(copy);
      return problems(copy);
    };
    expect(changed((copy) => (copy.codes.MailboxUnavailable = ''))).toEqual([
      '/codes/MailboxUnavailable must NOT have fewer than 1 characters',
    ]);
    expect(changed((copy) => (copy.codes.MailboxGone = 'x'))).toContain('/codes must NOT have additional properties');
    expect(changed((copy) => delete (copy.codes as Partial<typeof copy.codes>).MailboxUnavailable)).toContain(
      "/codes must have required property 'MailboxUnavailable'",
    );
    expect(
      changed((copy) => delete (copy.reasons?.['mailbox-full'] as { admin?: string } | undefined)?.admin),
    ).toContain("/reasons/mailbox-full must have required property 'admin'");
    expect(
      changed((copy) => {
        if (copy.reasons) copy.reasons['no-such-reason'] = { why: 'x', sender: 'x', admin: 'x' };
      }),
    ).toContain('/reasons must NOT have additional properties');
    expect(changed((copy) => (copy.client = { 'network-error': { why: '', sender: 'x', admin: 'x' } }))).toContain(
      '/client/network-error/why must NOT have fewer than 1 characters',
    );
  });
});
