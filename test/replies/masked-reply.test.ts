import { describe, expect, it } from 'vitest';
import { maskAddresses, maskFailure, maskSuccess } from '../../src/replies/masked-reply.ts';
import { pieceTexts } from '../helpers/piece-texts.ts';

describe('maskAddresses', () => {
  it.each([
    ['550 5.1.1 <a@example.com>: User unknown', '550 5.1.1 <@>: User unknown'],
    ['554 5.7.1 <b"c@example.org>: Relay access denied <d@e>', '554 5.7.1 <@>: Relay access denied <@>'],
    ['550 <a@b@c> x', '550 <@> x'],
    // Not an address in angle brackets: left as it is.
    ['550 5.1.1 a@example.com: User unknown', '550 5.1.1 a@example.com: User unknown'],
    ['550 <not an@address> <x> <@b> <a@>', '550 <not an@address> <x> <@b> <a@>'],
    ['550 <a\n250@b>', '550 <a\n250@b>'],
    ['452 4.2.2 Mailbox full', '452 4.2.2 Mailbox full'],
  ])('%j → %j', (text, masked) => {
    expect(maskAddresses(text)).toBe(masked);
    expect(maskAddresses(masked)).toBe(masked);
  });
});

describe('maskFailure', () => {
  it.each([
    [
      '550 5.1.1 https://support.google.com/mail/?p=NoSuchUser a1si123456qkb.10 - gsmtp',
      '550 5.1.1 https://support.google.com/mail/?p=NoSuchUser # - gsmtp',
    ],
    [
      '550-5.7.26 senders to authenticate.\r\n550 5.7.26  <a@b.c> d75a77b69052e-4a5f2c5e1b0si12345qtb.123 - gsmtp',
      '550-5.7.26 senders to authenticate.\r\n550 5.7.26  <@> # - gsmtp',
    ],
    [
      '421 4.7.0 [192.0.2.1 15] Try again later, closing connection. k11si7 - gsmtp',
      '421 4.7.0 [192.0.2.1 15] Try again later, closing connection. # - gsmtp',
    ],
    // No id before `- gsmtp`: a sentence's last word, or a word that only holds `si`.
    [
      '450 4.2.1 The user is receiving mail too quickly. - gsmtp',
      '450 4.2.1 The user is receiving mail too quickly. - gsmtp',
    ],
    ['550 5.7.1 Message rejected, see policy si5 x - gsmtp', '550 5.7.1 Message rejected, see policy si5 x - gsmtp'],
    ['550 5.7.1 decisions12 - gsmtp', '550 5.7.1 decisions12 - gsmtp'],
    ['550 5.1.1 a1si123456qkb.10', '550 5.1.1 a1si123456qkb.10'],
    // The id is the word right before the spaces and `- gsmtp`: an id elsewhere is left.
    ['550 5.1.1 a1si12 is here. - gsmtp', '550 5.1.1 a1si12 is here. - gsmtp'],
    ['550 5.1.1 a1si12- gsmtp', '550 5.1.1 a1si12- gsmtp'],
    ['550 5.1.1 x a1si12   - gsmtp', '550 5.1.1 x #   - gsmtp'],
    ['451-4.3.0 b2si3 - gsmtp\r\n451 4.3.0 c4si5.6 - gsmtp', '451-4.3.0 # - gsmtp\r\n451 4.3.0 # - gsmtp'],
  ])('%j → %j', (text, masked) => {
    expect(maskFailure(text)).toBe(masked);
    expect(maskFailure(masked)).toBe(masked);
  });

  it('leaves a token too long to be an id as it is (each position tries at most 100 characters)', () => {
    const hostile = `550 ${'si1'.repeat(300)}${'a'.repeat(5000)} - gsmtp`;
    expect(maskFailure(hostile)).toBe(hostile);
  });
});

describe('maskSuccess', () => {
  it.each([
    ['250 2.0.0 OK 1700000000 a1b2c3d4e5f6.123 - gsmtp', '250 2.0.0 OK # # - gsmtp'],
    ['250 2.0.0 OK  1700000000 d75a77b69052e-4a1si1234qkj.97 - gsmtp', '250 2.0.0 OK # # - gsmtp'],
    ['250 2.0.0 Ok: queued as 4Xyz12AbC', '250 2.0.0 Ok: queued as #'],
    [
      '250 2.6.0 <AM0PR01@AM0PR01.eurprd01.prod.outlook.com> [InternalId=12345678901234, Hostname=AM0PR01] Queued mail for delivery',
      '250 2.6.0 <@> [InternalId=#, Hostname=AM0PR01] Queued mail for delivery',
    ],
    // Words that only look like ids: left as they are.
    ['250 2.0.0 OK gsmtp', '250 2.0.0 OK gsmtp'],
    ['250 2.0.0 queued as', '250 2.0.0 queued as'],
    // Postfix's id is read first, as one pattern of both read left to right would.
    ['250 2.0.0 queued as OK 1 t - gsmtp', '250 2.0.0 queued as # 1 t - gsmtp'],
    ['250 2.0.0 InternalId=OK 1 t - gsmtp', '250 2.0.0 InternalId=# 1 t - gsmtp'],
  ])('%j → %j', (text, masked) => {
    expect(maskSuccess(text)).toBe(masked);
    expect(maskSuccess(masked)).toBe(masked);
  });
});

describe('the masks read as their patterns do, whatever the text', () => {
  // The patterns as the masks document them, each applied alone to the whole text: what the
  // masks' shortcuts (a pattern tried only where its words are) must give for every text.
  const patterns = {
    address: /<[^\s<>@]+@[^\s<>]+>/gu,
    gmailId: /\b[\dA-Za-z-]{1,100}si\d{1,20}[\dA-Za-z.-]{0,40}(?= +- gsmtp\b)/gu,
    accepted: /\bOK +\d{1,20} +[\w.-]{1,200} +- gsmtp\b|\b(queued as |InternalId=)[\dA-Za-z]{1,64}\b/gu,
  };
  const failure = (text: string) => text.replace(patterns.address, '<@>').replace(patterns.gmailId, '#');
  const success = (text: string) =>
    text
      .replace(patterns.address, '<@>')
      .replace(patterns.accepted, (_, words?: string) => (words ? `${words}#` : 'OK # # - gsmtp'));
  // Texts made of the pieces masks look for, in every order, with a fixed seed.
  const pieces = [
    '550 ',
    '250 ',
    'a1si23',
    'si',
    '9',
    '.',
    '-',
    ' ',
    '  ',
    '- gsmtp',
    ' - gsmtp',
    'gsmtp',
    'OK',
    'OK 17 x.y - gsmtp',
    'OK  1 a1si2.3',
    ' 17',
    ' x.y',
    'queued as ',
    'InternalId=',
    'Q1',
    '<a@b>',
    '<',
    '@',
    '>',
    'word',
    '\r\n',
    'é',
  ];
  const texts = pieceTexts(pieces, { count: 3000, longest: 12, seed: 7 });

  it('maskFailure and maskSuccess give what their patterns give on 3,000 texts of their pieces', () => {
    // Each kind of text the shortcuts skip or try is among them.
    expect(texts.filter((text) => failure(text) !== text && text.includes('gsmtp')).length).toBeGreaterThan(50);
    expect(texts.filter((text) => success(text).includes('OK # #')).length).toBeGreaterThan(20);
    expect(texts.filter((text) => success(text).includes('queued as #')).length).toBeGreaterThan(20);
    for (const text of texts) {
      expect(maskFailure(text), text).toBe(failure(text));
      expect(maskSuccess(text), text).toBe(success(text));
    }
  });
});
