import { describe, expectTypeOf, it } from 'vitest';
import * as core from '../../src/core.ts';
import {
  type CauseId,
  createCatalog,
  describe as describeCode,
  type EnhancedCodeString,
  type EnhancedExplanation,
  type Explanation,
  explain,
  type LocaleData,
  lookup,
  parseReply,
  registerLocale,
  type SmtpReply,
  SmtpStatusCode,
  type SmtpStatusName,
  safeParseReply,
} from '../../src/index.ts';
import * as lite from '../../src/lite.ts';

describe('types', () => {
  it('/lite takes codes, member names and three-digit strings, not replies or client errors', () => {
    expectTypeOf(lite.describe('MailboxUnavailable', ['fr-CA'])).toEqualTypeOf<string>();
    expectTypeOf(lite.describe).parameter(0).toEqualTypeOf<lite.StatusCodeInput>();
    expectTypeOf<'550 5.1.1 User unknown'>().not.toExtend<lite.StatusCodeInput>();
    expectTypeOf<{ responseCode: 550 }>().not.toExtend<lite.StatusCodeInput>();
    expectTypeOf(lite.registerLocale).parameter(0).toEqualTypeOf<LocaleData>();
  });

  it('explanations are read-only, as they are frozen at run time', () => {
    expectTypeOf<Explanation>().toEqualTypeOf<Readonly<Explanation>>();
    expectTypeOf<NonNullable<Explanation['reply']>['lines']>().toEqualTypeOf<readonly string[]>();
    expectTypeOf<NonNullable<Explanation['reason']>>().toEqualTypeOf<Readonly<NonNullable<Explanation['reason']>>>();
    expectTypeOf<EnhancedExplanation>().toEqualTypeOf<Readonly<EnhancedExplanation>>();
    // A parsed reply is the caller's own, as before: explain reads it and never freezes it.
    expectTypeOf<SmtpReply['lines']>().toEqualTypeOf<string[]>();
    // A copy with a field of one's own is what the package itself makes for log lines and recipients.
    expectTypeOf({ ...explain(550), line: 1 }.line).toEqualTypeOf<number>();
  });

  it('explain takes what a catch block caught; describe takes enhanced codes alone', () => {
    try {
      throw new Error('x');
    } catch (error) {
      expectTypeOf(explain(error)).toEqualTypeOf<Explanation>();
      expectTypeOf(explain(error).cause?.id).toEqualTypeOf<CauseId | undefined>();
    }
    expectTypeOf(describeCode('5.1.1')).toEqualTypeOf<string>();
    expectTypeOf<'5.1.1'>().toExtend<EnhancedCodeString>();
    expectTypeOf<'3.1.1'>().not.toExtend<EnhancedCodeString>();
    expectTypeOf<EnhancedExplanation['agrees']>().toEqualTypeOf<boolean>();
  });

  it('SmtpStatusCode members are literal types', () => {
    expectTypeOf(SmtpStatusCode.MailboxUnavailable).toEqualTypeOf<550>();
    expectTypeOf<SmtpStatusCode>().toExtend<number>();
    expectTypeOf<'MailboxUnavailable'>().toExtend<SmtpStatusName>();
    expectTypeOf<'Mailbox'>().not.toExtend<SmtpStatusName>();
  });

  it('describe accepts the enum, member names, numbers and three-digit strings', () => {
    expectTypeOf(describeCode(SmtpStatusCode.Ok)).toEqualTypeOf<string>();
    expectTypeOf(describeCode('MailboxUnavailable', 'fr')).toEqualTypeOf<string>();
    expectTypeOf(describeCode('550', ['fr-CA', 'en'])).toEqualTypeOf<string>();
    expectTypeOf(describeCode(571)).toEqualTypeOf<string>();
    expectTypeOf(lookup(550)).toEqualTypeOf<string | undefined>();
    expectTypeOf(explain(550)).toEqualTypeOf<Explanation>();
  });

  it('describe and explain take replies, parsed replies and SMTP client errors', () => {
    expectTypeOf(describeCode('550 5.1.1 User unknown', 'fr')).toEqualTypeOf<string>();
    expectTypeOf(describeCode('550-5.1.1 first line\r\n550 5.1.1 last', 'fr')).toEqualTypeOf<string>();
    expectTypeOf(explain(parseReply('550 5.1.1 x')).enhanced).toEqualTypeOf<EnhancedExplanation | undefined>();
    expectTypeOf(explain({ responseCode: 550, response: '550 x', code: 'EENVELOPE' })).toEqualTypeOf<Explanation>();
    expectTypeOf(describeCode({ code: 'ECONNREFUSED' })).toEqualTypeOf<string>();
    expectTypeOf(safeParseReply('x')).toEqualTypeOf<SmtpReply | undefined>();
  });

  it('describe rejects what cannot be a code at compile time', () => {
    // @ts-expect-error an object that is no SMTP error
    describeCode({ status: 550 });
    // @ts-expect-error a boolean
    describeCode(true);
    // @ts-expect-error a language must be a string or a list of them
    describeCode(550, 42);
  });

  it('describe takes any string, as error.response is typed: it checks at run time', () => {
    const response: string = '550 5.1.1 User unknown';
    expectTypeOf(describeCode(response, 'fr')).toEqualTypeOf<string>();
    // Every entry and catalog that takes replies, and lookup and explain alike.
    expectTypeOf(core.describe(response, 'fr')).toEqualTypeOf<string>();
    expectTypeOf(createCatalog().describe(response, ['fr-CA', 'en'])).toEqualTypeOf<string>();
    expectTypeOf(lookup(response, 'fr')).toEqualTypeOf<string | undefined>();
    expectTypeOf(explain(response, 'fr')).toEqualTypeOf<Explanation>();
    expectTypeOf<string>().toExtend<Parameters<typeof describeCode>[0]>();
    expectTypeOf<string>().toExtend<Parameters<typeof core.describe>[0]>();
  });

  it('explain has a typed kind and name', () => {
    expectTypeOf<Explanation['kind']>().toEqualTypeOf<
      'positive' | 'intermediate' | 'transient' | 'permanent' | 'unknown'
    >();
    expectTypeOf<Explanation['name']>().toEqualTypeOf<SmtpStatusName | undefined>();
    expectTypeOf<Explanation['source']>().toEqualTypeOf<'catalog' | 'generic' | 'enhanced' | 'cause' | 'reason'>();
  });

  it('registerLocale needs every member', () => {
    expectTypeOf(registerLocale).parameter(0).toEqualTypeOf<LocaleData>();
    // @ts-expect-error codes is incomplete
    const incomplete: LocaleData = { lang: 'de', codes: { Ok: 'x' } };
    expectTypeOf(incomplete).toEqualTypeOf<LocaleData>();
  });
});
