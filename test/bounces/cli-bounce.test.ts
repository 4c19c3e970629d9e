// `smtp-status bounce` as a function: one message from a file or stdin, an mbox (mboxrd quoting
// undone), a maildir folder; lines or JSON; errors naming the argument; an mbox streamed in
// bounded memory (a spawned process, since RSS is per process).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type BounceCommandIo, runBounceCommand } from '../../src/cli/commands/bounce.js';
import { describeReason, explain } from '../../src/index.js';
import { projectRoot } from '../helpers/temp-dir.js';

const fixtures = join(projectRoot, 'test', 'fixtures', 'bounces');
const fixture = (name: string) => readFileSync(join(fixtures, `${name}.eml`));
const work = mkdtempSync(join(tmpdir(), 'smtp-status-bounce-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(options: Partial<BounceCommandIo> & { input?: Uint8Array[] }) {
  let stdout = '';
  let stderr = '';
  const input = options.input ?? [];
  const code = await runBounceCommand({
    args: [],
    stdin: (async function* () {
      yield* input;
    })(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    lang: 'en',
    json: false,
    catalog: { explain, describeReason },
    ...options,
  });
  return { code, stdout, stderr, lines: stdout.split('\n').filter((line) => line !== '') };
}

/** An mbox of the given messages, each `From ` line inside one quoted as mboxrd does. */
function mbox(messages: Buffer[]): Buffer {
  return Buffer.concat(
    messages.map((message) =>
      Buffer.concat([
        Buffer.from('From MAILER-DAEMON Tue Dec  1 10:00:00 2026\n'),
        Buffer.from(message.toString('latin1').replace(/^(>*From )/gmu, '>$1'), 'latin1'),
        Buffer.from('\n'),
      ]),
    ),
  );
}

describe('smtp-status bounce', () => {
  it('prints one tab-separated line per recipient: recipient, code, enhanced, kind, reason, text', async () => {
    const { code, lines } = await run({ input: [fixture('postfix')] });
    expect(code).toBe(0);
    expect(lines.map((line) => line.split('\t').slice(0, 5))).toEqual([
      // The reasons of X.1.1 and X.2.2 in docs/project/reason-rules/enhanced-codes.md.
      ['ivan@example.net', '550', '5.1.1', 'permanent', 'user-unknown'],
      ['judy@example.com', '452', '4.2.2', 'transient', 'mailbox-full'],
    ]);
    expect(lines[0]?.split('\t')[5]).toBe(explain('550 5.1.1 x', 'en').text);
  });

  it('shows the reason bounce reading names (feedback) in its column', async () => {
    const { lines } = await run({ input: [fixture('arf-feedback')] });
    expect(lines[0]?.split('\t')[4]).toBe('feedback');
  });

  it('reads a file, in the language asked for, as JSON: one object per message', async () => {
    const path = join(work, 'exim.eml');
    writeFileSync(path, fixture('exim'));
    const { code, lines } = await run({ args: [path], json: true, lang: 'fr' });
    expect(code).toBe(0);
    const [report] = lines.map((line) => JSON.parse(line));
    expect(report.source).toBe(`${path}#1`);
    expect(report.format).toBe('exim');
    expect(report.recipients.map((entry: { lang: string }) => entry.lang)).toEqual(['fr', 'fr']);
  });

  it('reads an mbox from stdin, undoing mboxrd quoting, message by message (in chunks of 7 bytes)', async () => {
    const quoted = Buffer.from(
      `${fixture('gmail').toString('latin1')}\n>From the desk of the sender\nFrom here on\n`,
      'latin1',
    );
    const bytes = mbox([fixture('qmail'), fixture('ordinary'), quoted]);
    const chunks: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += 7) chunks.push(bytes.subarray(at, at + 7));
    const { code, lines, stderr } = await run({ input: chunks, json: true });
    expect(code).toBe(0);
    const reports = lines.map((line) => JSON.parse(line));
    expect(reports.map((report) => report.report)).toEqual(['human-readable', null, 'human-readable']);
    expect(reports[2].recipients[0].recipient).toBe('zoe@example.net');
    expect(stderr).toBe('smtp-status bounce: 3 messages, 2 reports, 3 recipients\n');
  });

  it('reads a maildir folder: cur/ then new/', async () => {
    const folder = join(work, 'Maildir');
    for (const name of ['cur', 'new', 'tmp']) mkdirSync(join(folder, name), { recursive: true });
    writeFileSync(join(folder, 'new', '2.host'), fixture('sendmail'));
    writeFileSync(join(folder, 'cur', '1.host:2,S'), fixture('courier'));
    writeFileSync(join(folder, 'tmp', '3.host'), fixture('yahoo'));
    const { lines } = await run({ args: [folder] });
    expect(lines.map((line) => line.split('\t')[0])).toEqual(['trent@example.net', 'peggy@example.net']);
  });

  it('exits 1 when no message is a report, 2 naming an argument it cannot read', async () => {
    expect(await run({ input: [fixture('ordinary')] })).toMatchObject({
      code: 1,
      stderr: 'smtp-status bounce: no delivery report in 1 message\n',
    });
    const missing = join(work, 'missing.eml');
    expect(await run({ args: [missing] })).toMatchObject({
      code: 2,
      stderr: `smtp-status bounce: cannot read ${JSON.stringify(missing)}: ENOENT\n`,
    });
    const plain = join(work, 'plain');
    mkdirSync(plain);
    expect((await run({ args: [plain] })).stderr).toContain('is a folder but no maildir');
  });
});

// Time for one spawned node that reads a generated mbox of 20,000 messages on a shared 2-core machine.
const streaming = 180_000;

it(
  'streams an mbox in bounded memory: after 20,000 messages (40 MB) the heap and buffers hold under 8 MB more than after 2,000, RSS under 64 MB more',
  async () => {
    // Each message a 2 kB report: 40 MB in all, so holding the messages (or their explanations) would show.
    const message = Buffer.from(
      fixture('rfc3464-delayed')
        .toString('latin1')
        .replace('--b2--', `--b2--\n${'filler line of the returned message\n'.repeat(40)}`),
      'latin1',
    );
    const path = join(work, 'big.mbox');
    const one = mbox([message]);
    writeFileSync(path, Buffer.concat(Array.from({ length: 20_000 }, () => one)));
    const script = join(work, 'stream.mts');
    writeFileSync(
      script,
      [
        `import { runBounceCommand } from ${JSON.stringify(join(projectRoot, 'src/cli/commands/bounce.ts'))};`,
        `import { explain } from ${JSON.stringify(join(projectRoot, 'src/index.ts'))};`,
        'let lines = 0; let early = 0; let earlyHeld = 0;',
        'const held = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };',
        'const stdout = { write(text) { lines++; if (lines === 2000) { globalThis.gc?.(); early = process.memoryUsage().rss; earlyHeld = held(); } } };',
        `const code = await runBounceCommand({ args: [${JSON.stringify(path)}], stdin: [], stdout, stderr: { write() {} }, lang: 'en', json: false, catalog: { explain } });`,
        'globalThis.gc?.();',
        'console.log(JSON.stringify({ code, lines, early, late: process.memoryUsage().rss, growth: held() - earlyHeld }));',
      ].join('\n'),
    );
    const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
      cwd: projectRoot,
      timeout: streaming,
    });
    const result = JSON.parse(stdout) as { code: number; lines: number; early: number; late: number; growth: number };
    expect(result.code).toBe(0);
    expect(result.lines).toBe(20_000);
    expect(result.growth).toBeLessThan(8 * 1024 * 1024);
    expect(result.late - result.early).toBeLessThan(64 * 1024 * 1024);
  },
  streaming,
);
