import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from './render-files.ts';

/** An output folder and the files it must hold. */
export interface OutputDir {
  dir: string;
  files: readonly OutputFile[];
  /** Whether a file found in `dir` is one this build writes (and may delete when stale). */
  owns: (name: string) => boolean;
}

/** How a folder differs from what the build would write. */
export interface Drift {
  path: string;
  state: 'differs' | 'missing' | 'stale';
}

/** A file a build staged and never renamed (it was killed): `fr.json.1234.tmp`. */
export const leftover = /\.\d+\.tmp$/u;

function current(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * Lists every file that differs from what the build would write, without writing anything.
 *
 * @example findDrift([{ dir: 'locales', files, owns }]) // [] when up to date
 */
export function findDrift(outputs: readonly OutputDir[]): Drift[] {
  const drift: Drift[] = [];
  for (const { dir, files, owns } of outputs) {
    const names = new Set(files.map((file) => file.name));
    for (const file of files) {
      const before = current(join(dir, file.name));
      if (before !== file.content)
        drift.push({ path: join(dir, file.name), state: before === undefined ? 'missing' : 'differs' });
    }
    const present = existsSync(dir) ? readdirSync(dir) : [];
    for (const name of present.filter((name) => owns(name) && !names.has(name)).sort()) {
      drift.push({ path: join(dir, name), state: 'stale' });
    }
  }
  return drift;
}

/** Writes a file and flushes it to disk, so that a rename after it never exposes a partial file. */
function writeDurably(path: string, content: string): void {
  // `wx`: a file already there (another build's) is never overwritten or removed.
  const fd = openSync(path, 'wx');
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
}

/**
 * Brings the folders to the wanted state all at once: every changed file is first written
 * beside its target, and only when all of them are written are they renamed into place
 * (a rename is atomic), so a failure leaves every file whole: the old one or the new one.
 */
export function writeOutputs(outputs: readonly OutputDir[]): Drift[] {
  const drift = findDrift(outputs);
  const contents = new Map(
    outputs.flatMap(({ dir, files }) => files.map((file) => [join(dir, file.name), file.content])),
  );
  const staged: [temporary: string, target: string][] = [];
  const discard = () => {
    for (const [temporary] of staged) rmSync(temporary, { force: true });
  };
  try {
    for (const { dir } of outputs) mkdirSync(dir, { recursive: true });
    for (const { path, state } of drift) {
      if (state === 'stale') continue;
      const temporary = `${path}.${process.pid}.tmp`;
      writeDurably(temporary, contents.get(path) ?? '');
      staged.push([temporary, path]);
    }
  } catch (error) {
    discard();
    throw error;
  }
  try {
    while (staged.length > 0) {
      const [temporary, target] = staged[0] as [string, string];
      renameSync(temporary, target);
      staged.shift();
    }
  } catch (error) {
    discard();
    throw error;
  }
  for (const { path, state } of drift) if (state === 'stale') rmSync(path, { force: true });
  return drift;
}
