// `npm run bench` (after bench/run.ts): the HTTP service under load. `smtp-status serve` and a
// bare node:http server sending the same bytes, each pinned to core 0, autocannon pinned to
// core 1, in the same run; then a 60 s soak at 100 connections with the server's resident
// memory sampled every second. Replaces the server section of BENCHMARKS.md (`--quick`: shorter,
// writes nothing). Not part of `npm test`.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { brotliCompressSync } from 'node:zlib';
import { writeSection } from './sections.ts';

const root = join(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
const seconds = quick ? 3 : 10;
const soakSeconds = quick ? 15 : 60;
const rounds = quick ? 1 : 3;
const connections = 50;
const path = '/v1/codes/550';
const headers = { 'accept-language': 'fr-CA' };

const report: string[] = [];
const say = (line = '') => {
  report.push(line);
  process.stdout.write(`${line}\n`);
};

/** Starts a server pinned to core 0; resolves with its process and the URL it prints first. */
async function start(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('taskset', ['-c', '0', process.execPath, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const first = await createInterface({ input: child.stdout as NodeJS.ReadableStream })
    [Symbol.asyncIterator]()
    .next();
  return { child, url: String(first.value) };
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

/** Runs autocannon pinned to core 1 against a URL; its JSON summary, read. */
function autocannon(url: string, duration: number, clients: number): Promise<Result> {
  const bin = join(root, 'node_modules', 'autocannon', 'autocannon.js');
  const args = ['-c', '1', process.execPath, bin, '-j', '-c', String(clients), '-d', String(duration)];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  const child = spawn('taskset', [...args, url], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const json = JSON.parse(out);
      resolve({
        rps: json.requests.average,
        p50: json.latency.p50,
        p99: json.latency.p99,
        errors: json.errors + json.timeouts + json.non2xx,
        requests: json.requests.total,
      });
    });
  });
}

const serve = await start([join(root, 'dist', 'cli.js'), 'serve', '--port', '0']);
const sample = await fetch(`${serve.url}${path.slice(1)}`, { headers });
const body = Buffer.from(await sample.arrayBuffer());
// Node's http adds Date, Connection, Keep-Alive and Content-Length itself, for both servers.
const sent = [...sample.headers].filter(
  ([name]) => !['date', 'connection', 'keep-alive', 'content-length'].includes(name),
);
const bareSource = `
const { createServer } = require('node:http');
const body = Buffer.from(${JSON.stringify(body.toString('base64'))}, 'base64');
const headers = ${JSON.stringify(Object.fromEntries(sent))};
const server = createServer((request, response) => { response.writeHead(200, headers); response.end(body); });
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/'));
process.on('SIGTERM', () => { server.closeAllConnections(); process.exit(0); });
`;
const bare = await start(['-e', bareSource]);
const bareSample = await fetch(`${bare.url}${path.slice(1)}`, { headers });
const bareBody = Buffer.from(await bareSample.arrayBuffer());
if (!bareBody.equals(body)) throw new Error('the bare server does not send the same body');

say('## The HTTP service');
say();
say(
  `\`GET ${path}\` with \`Accept-Language: fr-CA\` (${body.length} bytes of JSON, ${sent.length} headers besides Node's own), ` +
    `${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model.trim()} × ${cpus().length}, Node ${process.version}. ` +
    'Both servers pinned to core 0 (`taskset -c 0`), autocannon 9 on core 1 (`taskset -c 1`), ' +
    `${connections} connections, ${seconds} s per run after a ${quick ? 1 : 3} s warm-up, the two servers alternating, ` +
    `${rounds} round${rounds === 1 ? '' : 's'}; the best run of each is compared (noise on this shared VM only slows a run).`,
);
say();
for (const server of [serve, bare]) await autocannon(server.url + path.slice(1), quick ? 1 : 3, connections);
const runs: { serve: Result[]; bare: Result[] } = { serve: [], bare: [] };
for (let round = 0; round < rounds; round++) {
  runs.serve.push(await autocannon(serve.url + path.slice(1), seconds, connections));
  runs.bare.push(await autocannon(bare.url + path.slice(1), seconds, connections));
}
const best = (results: Result[]) => results.reduce((a, b) => (b.rps > a.rps ? b : a));
const [ours, floor] = [best(runs.serve), best(runs.bare)];
say('| Server | req/s (best run) | p50 | p99 | errors | req/s of every run |');
say('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, result, all] of [
  ['`smtp-status serve` (Hono, @hono/node-server)', ours, runs.serve],
  ['bare `node:http`, the same bytes', floor, runs.bare],
] as const) {
  const every = all.map((run) => Math.round(run.rps)).join(' / ');
  say(`| ${name} | ${Math.round(result.rps)} | ${result.p50} ms | ${result.p99} ms | ${result.errors} | ${every} |`);
}
const ratio = ours.rps / floor.rps;
const p99Ratio = ours.p99 / Math.max(floor.p99, 1);
say();
say(
  `Ratio: ${ratio.toFixed(2)}× the bare server's requests per second (budget ≥ 0.6×, aim 0.8×); ` +
    `p99 ${ours.p99} ms against ${floor.p99} ms, ${p99Ratio.toFixed(2)}× (budget ≤ 2×; autocannon reports whole milliseconds).`,
);
await stop(bare.child);

// The catalog page against the JSON route for the same language, on the same server, alternating.
const pagePath = '/?lang=fr';
const jsonPath = '/v1/codes?lang=fr';
const served = (await (await fetch(`${serve.url}v1/languages`)).json()) as { languages: { tag: string }[] };
const pageSizes = await Promise.all(
  served.languages.map(async ({ tag }) => {
    const html = Buffer.from(await (await fetch(`${serve.url}?lang=${tag}`)).arrayBuffer());
    return { tag, bytes: html.length, brotli: brotliCompressSync(html).length };
  }),
);
say();
say('### The catalog page');
say();
say(
  `HTML of \`GET /?lang=…\` per language, raw and brotli (\`zlib.brotliCompressSync\`, quality 11; budget ≤ 60 kB): ` +
    pageSizes
      .map((size) => `${size.tag} ${(size.bytes / 1000).toFixed(1)} kB → ${(size.brotli / 1000).toFixed(1)} kB`)
      .join(', ') +
    '.',
);
for (const url of [pagePath, jsonPath]) await autocannon(serve.url + url.slice(1), quick ? 1 : 3, connections);
const pageRuns: { page: Result[]; json: Result[] } = { page: [], json: [] };
for (let round = 0; round < rounds; round++) {
  pageRuns.page.push(await autocannon(serve.url + pagePath.slice(1), seconds, connections));
  pageRuns.json.push(await autocannon(serve.url + jsonPath.slice(1), seconds, connections));
}
const [pageBest, jsonBest] = [best(pageRuns.page), best(pageRuns.json)];
say();
say('| Route | req/s (best run) | p50 | p99 | errors | req/s of every run |');
say('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, result, all] of [
  [`\`GET ${pagePath}\` (HTML)`, pageBest, pageRuns.page],
  [`\`GET ${jsonPath}\` (JSON, every code)`, jsonBest, pageRuns.json],
] as const) {
  const every = all.map((run) => Math.round(run.rps)).join(' / ');
  say(`| ${name} | ${Math.round(result.rps)} | ${result.p50} ms | ${result.p99} ms | ${result.errors} | ${every} |`);
}
say();
say(
  `Ratio: the page at ${(pageBest.rps / jsonBest.rps).toFixed(2)}× the JSON route's requests per second (budget ≥ 0.6×).`,
);

// The soak: 100 connections for soakSeconds, the server's VmRSS read from /proc every second.
const rss: number[] = [];
const rssOf = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? Number.NaN) / 1024;
};
const pid = serve.child.pid ?? 0;
const sampler = setInterval(() => rss.push(rssOf(pid)), 1000);
const soak = await autocannon(serve.url + path.slice(1), soakSeconds, 100);
clearInterval(sampler);
const exitCode = await stop(serve.child);
const at10 = rss[9] ?? Number.NaN;
const after10 = rss.slice(10);
const mb = (value: number) => `${value.toFixed(1)} MB`;
say();
say(
  `Soak: ${soakSeconds} s at 100 connections: ${soak.requests} requests, ${Math.round(soak.rps)} req/s, ` +
    `p50 ${soak.p50} ms, p99 ${soak.p99} ms, **${soak.errors} errors** (errors + timeouts + non-2xx). ` +
    `Resident memory (VmRSS, every second): ${mb(rss[0] ?? Number.NaN)} at 1 s, ${mb(at10)} at 10 s, ` +
    `at most ${mb(Math.max(...after10))} after, ${mb(rss.at(-1) ?? Number.NaN)} at the end ` +
    `(${((((rss.at(-1) ?? 0) - at10) / at10) * 100).toFixed(1)} % from 10 s to the end). ` +
    `\`smtp-status serve\` then exited ${exitCode} on SIGTERM.`,
);
say();
say(`RSS samples (MB): ${rss.map((value) => value.toFixed(1)).join(' ')}`);

if (!quick) writeSection('server', 'bench/server.ts', report);
