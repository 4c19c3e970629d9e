// `smtp-status explain` reads stdin through utf8Chunks: the same text as one streaming
// TextDecoder('utf-8'), whatever the bytes and wherever the chunks are cut.
import { describe, expect, it } from 'vitest';
import { utf8Chunks } from '../../src/cli/utf8-chunks.ts';

/** What one streaming TextDecoder makes of the chunks, the reference. */
function reference(chunks: Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8');
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode();
}

function decoded(chunks: Uint8Array[]): string {
  const decoder = utf8Chunks();
  return chunks.map((chunk) => decoder.text(chunk)).join('') + decoder.end();
}

/** The bytes cut at the given places. */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const places = [0, ...at, bytes.length];
  return places.slice(1).map((end, index) => bytes.subarray(places[index], end));
}

const bom = [0xef, 0xbb, 0xbf];
const pieces: number[][] = [
  [...Buffer.from('550 5.1.1 User unknown\n')],
  [...Buffer.from('é 中 😀\n')],
  bom,
  [0xff],
  [0xc3],
  [0xe4, 0xb8],
  [0xf0, 0x9f, 0x98],
  [0x80, 0x80],
  [0xed, 0xa0, 0x80],
  [],
];

describe('utf8Chunks', () => {
  it.each([
    ['ASCII alone', [Buffer.from('250 OK\n'), Buffer.from('550 x\n')]],
    ['a byte order mark first, cut in two', cut(Buffer.from([...bom, 0x41, 0x42]), [1])],
    ['a byte order mark after an ASCII chunk', [Buffer.from('A'), Buffer.from([...bom, 0x42])]],
    ['an empty chunk, then a byte order mark', [new Uint8Array(0), Buffer.from([...bom, 0x42])]],
    ['a character cut before an ASCII chunk', [Buffer.from([0x41, 0xc3]), Buffer.from([0xa9, 0x41]), Buffer.from('B')]],
    ['a character left incomplete before ASCII', [Buffer.from([0x41, 0xe4, 0xb8]), Buffer.from('BC')]],
    ['a character left incomplete at the end', [Buffer.from([0x41, 0xf0, 0x9f])]],
    ['a four-byte character, one byte a chunk', cut(Buffer.from('😀'), [1, 2, 3])],
  ])('%s', (_, chunks) => {
    expect(decoded(chunks)).toBe(reference(chunks));
  });

  it('gives what TextDecoder gives for 2,000 mixes of text and malformed bytes, cut anywhere', () => {
    // A fixed pseudo-random sequence (a linear congruential generator): the same cases every run.
    let seed = 22;
    const next = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % below;
    };
    const differ: string[] = [];
    for (let round = 0; round < 2000; round++) {
      const bytes = Buffer.from(Array.from({ length: 1 + next(8) }, () => pieces[next(pieces.length)] ?? []).flat());
      const at = [...new Set(Array.from({ length: next(5) }, () => next(bytes.length + 1)))].sort((a, b) => a - b);
      const chunks = cut(bytes, at);
      if (decoded(chunks) !== reference(chunks)) differ.push(`${bytes.toString('hex')} cut at ${at.join(',')}`);
    }
    expect(differ).toEqual([]);
  });
});
