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
 * A write that failed after it had replaced files it could not put back: its message names them.
 * Any other error of `writeOutputs` left every file as it was.
 */
export class PartialWrite extends Error {}

/**
 * Puts the files a failed write had renamed into place back as they were (`undefined`: there was
 * none), each by the same staging and rename; returns those it could not.
 */
function putBack(placed: readonly string[], previous: ReadonlyMap<string, string | undefined>): string[] {
  const stuck: string[] = [];
  for (const target of [...placed].reverse()) {
    const old = previous.get(target);
    try {
      if (old === undefined) {
        rmSync(target, { force: true });
      } else {
        const temporary = `${target}.${process.pid}.tmp`;
        writeDurably(temporary, old);
        renameSync(temporary, target);
      }
    } catch {
      rmSync(`${target}.${process.pid}.tmp`, { force: true });
      stuck.push(target);
    }
  }
  return stuck;
}

/**
 * Brings the folders to the wanted state all at once: every changed file is first written
 * beside its target, and only when all of them are written are they renamed into place
 * (a rename is atomic). Should a rename fail, the files renamed before it are put back, so a
 * failure leaves every file as it was; when even that fails (or a stale file cannot be
 * removed), a `PartialWrite` names the files that changed. Each file is whole throughout: the
 * old one or the new one.
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
  const previous = new Map<string, string | undefined>();
  const placed: string[] = [];
  try {
    while (staged.length > 0) {
      const [temporary, target] = staged[0] as [string, string];
      previous.set(target, current(target));
      renameSync(temporary, target);
      placed.push(target);
      staged.shift();
    }
  } catch (error) {
    discard();
    const stuck = putBack(placed, previous);
    if (stuck.length > 0) {
      throw new PartialWrite(
        `${(error as Error).message}; these files were replaced and could not be put back: ${stuck.join(', ')} (each is whole; git status shows them)`,
      );
    }
    throw error;
  }
  removeStale(drift);
  return drift;
}

/** Removes the stale files once the new ones are in place; a `PartialWrite` names those it could not. */
function removeStale(drift: readonly Drift[]): void {
  const kept: string[] = [];
  for (const { path, state } of drift) {
    if (state !== 'stale') continue;
    try {
      rmSync(path, { force: true });
    } catch (error) {
      kept.push(`${path} (${(error as Error).message})`);
    }
  }
  if (kept.length > 0) {
    throw new PartialWrite(
      `the new files are in place, but these stale files could not be removed: ${kept.join(', ')}`,
    );
  }
}
