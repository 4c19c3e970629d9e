// The messages of a maildir folder (its `cur/` then `new/`, each by file name), for Node: each
// read up to `limit` bytes, so a huge file costs no more than `explainBounce` reads of it.
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { bounceLimits } from './limits.js';

/** Whether `path` is a maildir folder: it holds a `cur` or a `new` folder. */
export async function isMaildir(path: string): Promise<boolean> {
  for (const name of ['cur', 'new']) {
    const found = await stat(join(path, name)).catch(() => undefined);
    if (found?.isDirectory()) return true;
  }
  return false;
}

/** The first `limit` bytes of a file. */
export async function readHead(path: string, limit: number = bounceLimits.maxMessageBytes): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const buffer = new Uint8Array(Math.min(size, limit));
    const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The messages of a maildir folder, with their paths: `cur/` then `new/`, each sorted by name.
 *
 * @example for await (const { path, bytes } of readMaildir('Maildir/.Bounces')) await explainBounce(bytes)
 */
export async function* readMaildir(
  folder: string,
  limit: number = bounceLimits.maxMessageBytes,
): AsyncGenerator<{ path: string; bytes: Uint8Array }> {
  for (const name of ['cur', 'new']) {
    const names = await readdir(join(folder, name)).catch(() => [] as string[]);
    for (const file of names.sort()) {
      if (file.startsWith('.')) continue;
      const path = join(folder, name, file);
      const found = await stat(path).catch(() => undefined);
      if (found?.isFile()) yield { path, bytes: await readHead(path, limit) };
    }
  }
}
