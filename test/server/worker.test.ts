// The worker as Cloudflare runs it: built as `npm run build` builds dist/worker.js, run inside
// workerd (through miniflare), and compared with the same handler served on Node.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerBuildOptions } from '../../scripts/worker-build.ts';
import { listen, type NodeServer } from '../../src/server/serve-node.ts';
import { handler } from '../../src/server.ts';
import { projectRoot } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

const work = mkdtempSync(join(tmpdir(), 'smtp-status-worker-'));
let worker: Miniflare | undefined;
let node: NodeServer | undefined;

beforeAll(async () => {
  const scriptPath = join(work, 'worker.js');
  await build({ ...workerBuildOptions(projectRoot), outfile: scriptPath, sourcemap: false });
  worker = new Miniflare({ modules: true, modulesRoot: work, scriptPath, compatibilityDate: '2026-04-01' });
  await worker.ready;
  node = await listen(handler, { port: 0, host: '127.0.0.1' });
}, timeouts.bundle);

afterAll(async () => {
  await worker?.dispose();
  await node?.close();
  rmSync(work, { recursive: true, force: true });
}, timeouts.processes);

const compared = [
  'etag',
  'cache-control',
  'vary',
  'content-language',
  'content-type',
  'allow',
  'content-security-policy',
];

interface Sent {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

const matrix: Sent[] = [
  { path: '/' },
  { path: '/?lang=ar&q=550' },
  { path: '/', headers: { 'accept-language': 'fr-CA, en;q=0.5' } },
  { path: '/v1/languages' },
  { path: '/v1/codes', headers: { 'accept-language': 'ru' } },
  { path: '/v1/codes/550', headers: { 'accept-language': 'fr-CA' } },
  { path: '/v1/codes/MailboxUnavailable?lang=tr' },
  { path: '/v1/codes/-1?lang=ar' },
  { path: '/v1/codes/571?lang=it' },
  { path: '/v1/codes/abc' },
  { path: '/v1/codes/5.1.1' },
  { path: '/v1/reasons?lang=sv' },
  { path: '/v1/reasons/blocked', headers: { 'accept-language': 'es-MX' } },
  { path: '/v1/reasons/__proto__' },
  { path: '/v1/explain?reply=550%205.1.1%20User%20unknown&lang=fr' },
  { path: '/v1/explain' },
  {
    path: '/v1/explain?lang=it',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '["452 4.2.2 Full", 550, "x"]',
  },
  { path: '/v1/explain', method: 'POST', headers: { 'content-type': 'text/plain' }, body: '250 OK\n421 Bye\n' },
  { path: '/v1/explain', method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<a/>' },
  { path: '/v1/codes/550', method: 'HEAD' },
  { path: '/v1/codes', method: 'DELETE' },
  {
    path: '/v1/codes',
    method: 'OPTIONS',
    headers: { origin: 'https://x.example', 'access-control-request-method': 'GET' },
  },
  { path: '/nowhere/<b>' },
  { path: '/openapi.json' },
  { path: '/healthz' },
  { path: '/assets/catalog.js' },
];

async function onNode(sent: Sent): Promise<Response> {
  return fetch(new URL(sent.path, node?.url), {
    method: sent.method ?? 'GET',
    headers: sent.headers ?? {},
    body: sent.body ?? null,
  });
}

async function inWorkerd(sent: Sent): Promise<Response> {
  if (worker === undefined) throw new Error('workerd did not start');
  const response = await worker.dispatchFetch(`http://localhost${sent.path}`, {
    method: sent.method ?? 'GET',
    headers: sent.headers ?? {},
    body: sent.body ?? null,
  });
  return response as unknown as Response;
}

describe('the worker in workerd', () => {
  it.each(matrix)(
    '$method $path: the same status, body bytes and caching headers as on Node',
    async (sent) => {
      const [fromNode, fromWorkerd] = [await onNode(sent), await inWorkerd(sent)];
      expect(fromWorkerd.status).toBe(fromNode.status);
      const [nodeBytes, workerdBytes] = [
        Buffer.from(await fromNode.arrayBuffer()),
        Buffer.from(await fromWorkerd.arrayBuffer()),
      ];
      expect(workerdBytes.equals(nodeBytes), workerdBytes.toString('utf8').slice(0, 200)).toBe(true);
      for (const name of compared) expect(fromWorkerd.headers.get(name), name).toBe(fromNode.headers.get(name));
    },
    timeouts.processes,
  );

  it('answers 304 to its own ETag, as Node does', { timeout: timeouts.processes }, async () => {
    const first = await inWorkerd({ path: '/v1/codes/550?lang=fr' });
    const etag = first.headers.get('etag') ?? '';
    await first.arrayBuffer();
    const again = await inWorkerd({ path: '/v1/codes/550?lang=fr', headers: { 'if-none-match': etag } });
    const onNodeAgain = await onNode({ path: '/v1/codes/550?lang=fr', headers: { 'if-none-match': etag } });
    expect([again.status, onNodeAgain.status]).toEqual([304, 304]);
  });
});

describe('the worker entry', () => {
  it('is the handler as a module worker: { fetch }', async () => {
    const { default: entry } = await import('../../src/worker.ts');
    const response = await entry.fetch(new Request('http://localhost/v1/codes/550?lang=fr'));
    expect(await response.text()).toBe(
      await (await handler(new Request('http://localhost/v1/codes/550?lang=fr'))).text(),
    );
  });
});
