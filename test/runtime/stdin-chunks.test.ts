// `smtp-status` reads a file on stdin (`< mail.log`) by itself, anything else through Node's stream.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stdinChunks } from '../../src/cli/stdin-chunks.ts';
import { projectRoot, tempDir } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';

/** A stream of the given chunks, as Node's `process.stdin` gives them. */
async function* streamOf(...chunks: string[]): AsyncGenerator<string> {
  yield* chunks;
}

async function collected(chunks: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** A log of several 64 KiB reads, with characters of two to four bytes across every cut. */
function mixedLog(): Buffer {
  const lines = Array.from(
    { length: 4000 },
    (_, index) => `550 5.1.1 <usér${index}@exämple.org>: Пользователь не найден 用户不存在 🙂 ${index}\n`,
  );
  return Buffer.from(lines.join(''));
}

describe('stdinChunks', () => {
  it('reads a regular file from where the descriptor stands to its end, each chunk a buffer of its own, without the stream', async () => {
    const path = join(tempDir(), 'mail.log');
    const bytes = mixedLog();
    expect(bytes.length).toBeGreaterThan(4 * 64 * 1024);
    writeFileSync(path, bytes);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, Buffer.alloc(10), 0, 10, null);
      let opened = false;
      const chunks: Uint8Array[] = [];
      for await (const chunk of stdinChunks(fd, () => {
        opened = true;
        return streamOf();
      }))
        chunks.push(chunk as Uint8Array);
      expect(opened).toBe(false);
      expect(Buffer.concat(chunks).equals(bytes.subarray(10))).toBe(true);
      expect(new Set(chunks.map((chunk) => chunk.buffer)).size).toBe(chunks.length);
    } finally {
      closeSync(fd);
    }
  });

  it('gives the stream for what is not a regular file (a folder, a descriptor that is not open)', async () => {
    const fd = openSync(tempDir(), 'r');
    try {
      expect((await collected(stdinChunks(fd, () => streamOf('from the stream')))).toString()).toBe('from the stream');
      expect((await collected(stdinChunks(1_000_000, () => streamOf('x')))).toString()).toBe('x');
    } finally {
      closeSync(fd);
    }
  });

  it('smtp-status explain answers a file on stdin as it answers the same bytes through a pipe', {
    timeout: timeouts.processes,
  }, () => {
    const path = join(tempDir(), 'mail.log');
    const bytes = mixedLog();
    writeFileSync(path, bytes);
    const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
    const script = join(projectRoot, 'src', 'cli.ts');
    // About 5 MB of JSON each: more than spawnSync keeps by default.
    const options = { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 } as const;
    const fromFile = spawnSync('bash', ['-c', `"${tsx}" "${script}" explain --json --lang ru < "${path}"`], options);
    const fromPipe = spawnSync(tsx, [script, 'explain', '--json', '--lang', 'ru'], { ...options, input: bytes });
    expect([fromFile.status, fromFile.stderr]).toEqual([0, '']);
    expect(fromFile.stdout.split('\n')).toHaveLength(4001);
    expect(fromFile.stdout).toContain('"text":"<usér3999@exämple.org>: Пользователь не найден 用户不存在 🙂 3999"');
    expect(fromFile.stdout).toBe(fromPipe.stdout);
  });
});
