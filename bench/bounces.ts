// `node --import tsx bench/bounces.ts`: bounces per second on one core for typical reports of
// 3–20 kB (the fixtures of test/fixtures/bounces, each with a returned message grown to 3, 8 and
// 20 kB), and the ratio to postal-mime alone parsing the same messages, measured side by side in
// one run (issue 23: at least 1,000 per second, at most 2× postal-mime).
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
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

/** Milliseconds for `rounds` passes over every message, one at a time. */
async function timed(rounds: number, read: (message: Buffer) => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let round = 0; round < rounds; round++) for (const message of messages) await read(message);
  return performance.now() - start;
}

const parseOnly = (message: Buffer) => PostalMime.parse(message);
const explainIt = (message: Buffer) => explainBounce(message, 'fr');

await timed(3, parseOnly);
await timed(3, explainIt);
// Interleaved passes, so both see the same machine load; the best pass of each counts.
const rounds = 5;
let bestParse = Number.POSITIVE_INFINITY;
let bestExplain = Number.POSITIVE_INFINITY;
for (let pass = 0; pass < 5; pass++) {
  bestParse = Math.min(bestParse, await timed(rounds, parseOnly));
  bestExplain = Math.min(bestExplain, await timed(rounds, explainIt));
}
const count = rounds * messages.length;
const perSecond = (ms: number) => Math.round((count / ms) * 1000);
const ratio = bestExplain / bestParse;
const { model = 'unknown CPU' } = cpus()[0] ?? {};
const report = [
  '## Bounces',
  '',
  `\`node --import tsx bench/bounces.ts\` (pinned to one core by the caller: \`taskset -c 1\`), ${new Date().toISOString().slice(0, 10)}, ${model} × ${cpus().length}, Node ${process.version}. ` +
    `The fixtures of test/fixtures/bounces (${reports.length} reports: every format the package reads), each grown by its returned message to ${sizes.join(', ')} bytes ` +
    `(${messages.length} messages, ${Math.round(bytes / messages.length)} B on average), read one at a time; ${count} per pass, postal-mime alone and \`explainBounce(message, 'fr')\` alternating for 5 passes, the best pass of each compared.`,
  '',
  '| What | messages per second (best pass) |',
  '| --- | ---: |',
  `| postal-mime alone (\`PostalMime.parse\`) | ${perSecond(bestParse)} |`,
  `| \`explainBounce(message, 'fr')\` | ${perSecond(bestExplain)} |`,
  '',
  `Budgets (issue 23): at least 1,000 bounces per second on one core: ${perSecond(bestExplain)} (${perSecond(bestExplain) >= 1000 ? 'met' : '**not met**'}); ` +
    `at most 2× the time of postal-mime alone: ${ratio.toFixed(2)}× (${ratio <= 2 ? 'met' : '**not met**'}).`,
];
process.stdout.write(`${report.join('\n')}\n`);
if (!process.argv.includes('--quick')) writeSection('bounces', 'bench/bounces.ts', report);
