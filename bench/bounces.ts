// `node --import tsx bench/bounces.ts`: bounces per second on one core for typical reports of
// 3–20 kB (the fixtures of test/fixtures/bounces, each with a returned message grown to 3, 8 and
// 20 kB), and the ratio to postal-mime alone parsing the same messages, measured side by side in
// one run (issue 23: at least 1,000 per second, at most 2× postal-mime).
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { explainBounce } from '../src/bounce.ts';
import { writeSection } from './sections.ts';

const folder = join(import.meta.dirname, '..', 'test', 'fixtures', 'bounces');
const reports = readdirSync(folder)
  .filter((name) => name.endsWith('.eml') && name !== 'ordinary.eml')
  .map((name) => readFileSync(join(folder, name)));

/** A report grown to about `size` bytes by a longer returned message (or text) at its end. */
function grown(message: Buffer, size: number): Buffer {
  const line = 'A line of the returned message, as long as most lines of mail are..........\n';
  const missing = Math.max(0, size - message.length);
  return Buffer.concat([message, Buffer.from(line.repeat(Math.ceil(missing / line.length)))]);
}

const sizes = [3_000, 8_000, 20_000];
const messages = sizes.flatMap((size) => reports.map((report) => grown(report, size)));
const bytes = messages.reduce((sum, message) => sum + message.length, 0);

type Times = { wall: number[]; cpu: number[] };
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * One pass: `rounds` times over every message, each read by postal-mime alone and by
 * `explainBounce` back to back (which goes first alternating), so both see the same moment of the
 * machine; milliseconds of each, on the clock and of CPU time, added to `parse` and `explain`.
 */
async function pass(rounds: number, parse: Times, explain: Times): Promise<void> {
  const sums = { parse: { wall: 0, cpu: 0 }, explain: { wall: 0, cpu: 0 } };
  const read = async (which: 'parse' | 'explain', message: Buffer) => {
    const wall = performance.now();
    const cpu = cpuNow();
    await (which === 'parse' ? PostalMime.parse(message) : explainBounce(message, 'fr'));
    sums[which].cpu += cpuNow() - cpu;
    sums[which].wall += performance.now() - wall;
  };
  for (let round = 0; round < rounds; round++) {
    for (const [index, message] of messages.entries()) {
      const parseFirst = (index + round) % 2 === 0;
      await read(parseFirst ? 'parse' : 'explain', message);
      await read(parseFirst ? 'explain' : 'parse', message);
    }
  }
  for (const [times, sum] of [
    [parse, sums.parse],
    [explain, sums.explain],
  ] as const) {
    times.wall.push(sum.wall);
    times.cpu.push(sum.cpu);
  }
}

// A warm-up pass, then the passes that count: the best of each, the median beside it. CPU time is
// the budget's measure: pinned to one core, the process's CPU time is that core's time spent
// reading, while the clock also counts the time other processes held the core (at load 13 on this
// shared VM the clock's rates varied threefold between runs).
await pass(3, { wall: [], cpu: [] }, { wall: [], cpu: [] });
const rounds = 5;
const passes = 5;
const parse: Times = { wall: [], cpu: [] };
const explain: Times = { wall: [], cpu: [] };
for (let index = 0; index < passes; index++) await pass(rounds, parse, explain);
const best = (times: number[]) => Math.min(...times);
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
const count = rounds * messages.length;
const perSecond = (ms: number) => Math.round((count / ms) * 1000);
const ratio = best(explain.cpu) / best(parse.cpu);
const rates = (times: { wall: number[]; cpu: number[] }) =>
  `${perSecond(best(times.cpu))} | ${perSecond(median(times.cpu))} | ${perSecond(best(times.wall))} | ${perSecond(median(times.wall))}`;
const { model = 'unknown CPU' } = cpus()[0] ?? {};
const report = [
  '## Bounces',
  '',
  `\`node --import tsx bench/bounces.ts\` (pinned to one core by the caller: \`taskset -c 1\`), ${new Date().toISOString().slice(0, 10)}, ${model} × ${cpus().length}, Node ${process.version}. ` +
    `The fixtures of test/fixtures/bounces (${reports.length} reports: every format the package reads), each grown by its returned message to ${sizes.join(', ')} bytes ` +
    `(${messages.length} messages, ${Math.round(bytes / messages.length)} B on average), read one at a time; ${count} per pass, each read by postal-mime alone and by \`explainBounce(message, 'fr')\` back to back, for ${passes} passes; the best pass of each compared (the median pass beside it), in CPU time and on the clock. Machine load (\`/proc/loadavg\`, 1 min) at the end: ${loadavg()[0]?.toFixed(2)}.`,
  '',
  '| What | per CPU second, best pass | median pass | per second on the clock, best pass | median pass |',
  '| --- | ---: | ---: | ---: | ---: |',
  `| postal-mime alone (\`PostalMime.parse\`) | ${rates(parse)} |`,
  `| \`explainBounce(message, 'fr')\` | ${rates(explain)} |`,
  '',
  `Budgets (issue 23), in CPU time: at least 1,000 bounces per second on one core: ${perSecond(best(explain.cpu))} (${perSecond(best(explain.cpu)) >= 1000 ? 'met' : '**not met**'}); ` +
    `at most 2× the time of postal-mime alone: ${ratio.toFixed(2)}× (${ratio <= 2 ? 'met' : '**not met**'}; median passes ${(median(explain.cpu) / median(parse.cpu)).toFixed(2)}×).`,
];
process.stdout.write(`${report.join('\n')}\n`);
if (!process.argv.includes('--quick')) writeSection('bounces', 'bench/bounces.ts', report);
