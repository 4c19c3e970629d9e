import { describe, expect, it } from 'vitest';
import { describeReason, explain } from '../../src/index.ts';
import { reasonIds } from '../../src/reasons/reason-ids.ts';
import { localeFile, localeFiles } from '../helpers/locale-files.ts';

describe('describeReason', () => {
  it.each(localeFiles.map((locale) => locale.lang))(
    "in %s, tells each reason with the texts of the locale file, and a client error's reasons with the client texts when asked",
    (lang) => {
      const file = localeFile(lang);
      for (const id of reasonIds) {
        const own = file.reasons?.[id];
        expect(describeReason(id, lang)).toMatchObject({
          id,
          text: own?.why,
          advice: { sender: own?.sender, admin: own?.admin },
          by: 'report',
        });
        const client = file.client?.[id] ?? own;
        expect(describeReason(id, lang, { client: true })).toMatchObject({
          id,
          text: client?.why,
          advice: { sender: client?.sender, admin: client?.admin },
          by: 'cause',
        });
        expect(describeReason(id, lang, { client: false })).toEqual(describeReason(id, lang));
      }
    },
  );

  it('with { client: true } says what explain says of a mail client error of that reason', () => {
    for (const [error, id] of [
      [{ code: 'ETIMEDOUT' }, 'network-error'],
      [{ code: 'ETLS', message: 'certificate has expired' }, 'failed-starttls'],
    ] as const) {
      const explained = explain(error, 'de');
      expect(explained.reason?.id).toBe(id);
      expect(describeReason(id, 'de', { client: true })).toEqual({ ...explained.reason, by: 'cause' });
    }
  });

  it.each([['nope'], ['UserUnknown'], ['__proto__'], [''], [42], [undefined]])(
    'throws a RangeError naming %j, which is no reason',
    (id) => {
      expect(() => describeReason(id as never, 'en')).toThrow(RangeError);
      expect(() => describeReason(id as never, 'en')).toThrow(`Not a reason id: ${JSON.stringify(id) ?? 'undefined'}`);
    },
  );

  it.each([[{ client: 'yes' }], ['client'], [1]])('throws a TypeError naming options %j it cannot read', (options) => {
    expect(() => describeReason('mailbox-full', 'en', options as never)).toThrow(TypeError);
    expect(() => describeReason('mailbox-full', 'en', options as never)).toThrow(
      /Not describeReason options: .*(yes|client|1)/u,
    );
  });
});
