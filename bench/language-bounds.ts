// `node --import tsx bench/language-bounds.ts [size...]`: the cost of negotiating one hostile
// language input, per size (default 1 kB and 1 MB), as the median of paired calls with a fresh
// input each (no cache answers), and each size's ratio to the first. Not part of `npm test`;
// test/runtime/language-bounds.test.ts asserts the ratio stays flat.
import { explain } from '../src/index.ts';
import { longHeader, longList, longTag } from '../test/helpers/hostile-language.ts';

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(1024, 1 << 20);
const samples = 21;

const inputs: Record<string, (size: number, seed: number) => unknown> = {
  tag: longTag,
  header: longHeader,
  list: (size) => longList(size),
};

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
