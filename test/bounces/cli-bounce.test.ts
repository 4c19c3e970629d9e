// `smtp-status bounce` as a function: one message from a file or stdin, an mbox (mboxrd quoting
// undone), a maildir folder; lines or JSON; errors naming the argument; an mbox of 100,000
// messages streamed in constant memory (a spawned process, since RSS is per process).
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type BounceCommandIo, runBounceCommand } from '../../src/cli/commands/bounce.js';
import { describeReason, explain } from '../../src/index.js';
import { deliveryReport } from '../helpers/delivery-report.ts';
import { projectRoot } from '../helpers/temp-dir.js';
import * as timeouts from '../helpers/timeouts.ts';

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
      // The reasons of X.1.1 and X.2.2 in docs/project/reason-rules/enhanced-codes.md. Postfix
      // returned the message, so judy's 452 4.2.2 is final: told as 5.2.2, with no reply code.
      ['ivan@example.net', '550', '5.1.1', 'permanent', 'user-unknown'],
      ['judy@example.com', '-', '5.2.2', 'permanent', 'mailbox-full'],
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

  it('goes on past an argument it cannot read, as grep does, and exits 2', async () => {
    const missing = join(work, 'missing-too.eml');
    const found = join(work, 'found.eml');
    writeFileSync(found, fixture('sendmail'));
    const { code, stderr, lines } = await run({ args: [missing, found] });
    expect(code).toBe(2);
    expect(stderr).toBe(`smtp-status bounce: cannot read ${JSON.stringify(missing)}: ENOENT\n`);
    expect(lines.map((line) => line.split('\t')[0])).toEqual(['peggy@example.net']);
  });
});

/** Ordinary message `index` of the generated mbox: plain text, every seventh with a line mboxrd quotes. */
function ordinaryMessage(index: number): string {
  const quoted = index % 7 === 0 ? '>From the desk of the sender, as mboxrd quotes it\n' : '';
  return [
    `From: Person ${index} <p${index}@example.org>`,
    'To: you@example.net',
    `Subject: Note ${index}`,
    'Date: Tue, 1 Dec 2026 10:00:00 +0000',
    `Message-ID: <${index}@example.org>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hello,',
    '',
    `A short note, number ${index}, about nothing in particular; the mail system at host lunch.example is closed.`,
    `${quoted}See you soon.`,
    '',
  ].join('\n');
}

/** Bounce `index`: a delivery report for r<index>, failed (550 5.1.1) or delayed (452 4.2.2) by turns. */
function bounceMessage(index: number): string {
  const failed = index % 2 === 1;
  return deliveryReport(
    [
      `Final-Recipient: rfc822; r${index}@example.net`,
      `Action: ${failed ? 'failed' : 'delayed'}`,
      `Status: ${failed ? '5.1.1' : '4.2.2'}`,
      `Diagnostic-Code: smtp; ${failed ? '550 5.1.1 User unknown' : '452 4.2.2 Mailbox full'}`,
      '',
      '',
    ].join('\n'),
  );
}

const messageCount = 100_000;
/** Every thousandth message is a bounce. */
const bounceEvery = 1000;

/** The mbox written as a stream: `messageCount` messages, the bounces among ordinary ones. */
async function writeMbox(path: string): Promise<void> {
  const out = createWriteStream(path);
  for (let index = 1; index <= messageCount; index++) {
    const message = index % bounceEvery === 0 ? bounceMessage(index / bounceEvery) : ordinaryMessage(index);
    if (!out.write(`From sender@example.org Tue Dec  1 10:00:00 2026\n${message}\n`)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
}

// The mbox is written as a stream (37 MB, removed after), then read by one spawned node: 13 s
// of CPU; the test took 17 s on the shared 2-core VM at load 6 and 37 s at load 13 (an ordinary
// message costs one postal-mime parse, about 0.1 ms), within the time for a test that starts
// processes. Measured there: heap and buffers 9.8 MB after 10,000 messages, 9.5 MB after all;
// RSS 16 to 25 MB more.
it(
  `streams an mbox of ${messageCount.toLocaleString('en')} messages in constant memory: from 10,000 messages read to all of them, the heap and buffers hold under 8 MB more, RSS under 64 MB more; every bounce among them explained`,
  async () => {
    const path = join(work, 'big.mbox');
    await writeMbox(path);
    const script = join(work, 'stream.mts');
    writeFileSync(
      script,
      [
        `import { runBounceCommand } from ${JSON.stringify(join(projectRoot, 'src/cli/commands/bounce.ts'))};`,
        `import { describeReason, explain } from ${JSON.stringify(join(projectRoot, 'src/index.ts'))};`,
        // The lines printed are kept (one per bounce: 100 short lines), and memory is sampled when
        // the tenth bounce, message 10,000, is printed, then after the last message.
        'const lines = []; let early;',
        'const sample = () => { globalThis.gc(); const m = process.memoryUsage(); return { held: m.heapUsed + m.arrayBuffers, rss: m.rss }; };',
        `const stdout = { write(text) { lines.push(text); if (lines.length === 10) early = sample(); } };`,
        `const code = await runBounceCommand({ args: [${JSON.stringify(path)}], stdin: [], stdout, stderr: { write(text) { lines.push(text); } }, lang: 'en', json: false, catalog: { explain, describeReason } });`,
        'console.log(JSON.stringify({ code, lines, early, late: sample() }));',
      ].join('\n'),
    );
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', '--import', 'tsx', script], {
        cwd: projectRoot,
        timeout: timeouts.processes,
        maxBuffer: 1024 * 1024,
      });
      type Sample = { held: number; rss: number };
      const result = JSON.parse(stdout) as { code: number; lines: string[]; early: Sample; late: Sample };
      expect(result.code).toBe(0);
      const summary = result.lines.pop();
      expect(summary).toBe(
        `smtp-status bounce: ${messageCount} messages, ${messageCount / bounceEvery} reports, ${messageCount / bounceEvery} recipients\n`,
      );
      // Each bounce in order, read as its report says (RFC 3463: X.1.1 no such mailbox, X.2.2 mailbox
      // full; their reasons in docs/project/reason-rules/enhanced-codes.md).
      expect(result.lines.map((line) => line.split('\t').slice(0, 5))).toEqual(
        Array.from({ length: messageCount / bounceEvery }, (_, at) =>
          (at + 1) % 2 === 1
            ? [`r${at + 1}@example.net`, '550', '5.1.1', 'permanent', 'user-unknown']
            : [`r${at + 1}@example.net`, '452', '4.2.2', 'transient', 'mailbox-full'],
        ),
      );
      expect(result.late.held - result.early.held).toBeLessThan(8 * 1024 * 1024);
      expect(result.late.rss - result.early.rss).toBeLessThan(64 * 1024 * 1024);
    } finally {
      rmSync(path, { force: true });
    }
  },
  timeouts.processes,
);
