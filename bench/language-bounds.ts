// `node --import tsx bench/language-bounds.ts [size...]`: the cost of negotiating one hostile
// language input, per size (default 1 kB and 1 MB), as the median of paired calls with a fresh
// input each (no cache answers), and each size's ratio to the first. Not part of `npm test`;
// test/runtime/language-bounds.test.ts asserts the ratio stays flat.
import { explain } from '../src/index.ts';

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(1024, 1 << 20);
const samples = 21;

/** A string as a header gives it: flat in memory. */
const flat = (text: string) => Buffer.from(text, 'latin1').toString('latin1');

const inputs: Record<string, (size: number, seed: number) => unknown> = {
  // A tag Intl accepts: `en-x-0000000a-abcdefgh-abcdefgh-…`.
  tag: (size, seed) => {
    const head = `en-x-${seed.toString(36).padStart(8, '0')}-`;
    return flat(
      head +
        'abcdefgh-'
          .repeat(Math.ceil(size / 9))
          .slice(0, size - head.length - 1)
          .concat('a'),
    );
  },
  // An Accept-Language value of many ranges, the served one last.
  header: (size, seed) => {
    const range = `nl-x-${seed.toString(36).padStart(8, '0')};q=0.5, `;
    return flat(
      range
        .repeat(Math.ceil(size / range.length))
        .slice(0, size - 2)
        .concat('fr'),
    );
  },
  // A list of `size` preferences, none served (one list per size, reused: no cache keeps a list).
  list: (size) =>
    lists.get(size) ??
    lists
      .set(
        size,
        Array.from({ length: size }, (_, i) => `nl-x-${i}`),
      )
      .get(size),
};
const lists = new Map<number, string[]>();

for (const [name, make] of Object.entries(inputs)) {
  const prepared = sizes.map((size) => Array.from({ length: samples + 2 }, (_, seed) => make(size, seed)));
  const times = sizes.map(() => [] as number[]);
  for (let index = 0; index < samples + 2; index++) {
    for (const [which, values] of prepared.entries()) {
      const start = process.hrtime.bigint();
      explain(550, values[index] as string);
      // The first two calls of each size warm the code up.
      if (index >= 2) times[which]?.push(Number(process.hrtime.bigint() - start));
    }
  }
  const medians = times.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN);
  const cells = sizes.map((size, which) => {
    const median = medians[which] ?? Number.NaN;
    return `${size}: ${(median / 1000).toFixed(1)} µs (×${(median / (medians[0] ?? Number.NaN)).toFixed(2)})`;
  });
  process.stdout.write(`${name.padEnd(7)}${cells.join('  ')}\n`);
}
