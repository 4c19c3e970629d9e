// The sections of BENCHMARKS.md that a script other than bench/run.ts owns: each between
// `<!-- NAME: written by bench/SCRIPT.ts -->` and `<!-- /NAME -->`, replaced only by its script
// and kept as they are by bench/run.ts, which rewrites the rest.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(import.meta.dirname, '..', 'BENCHMARKS.md');

/** Every owned section of the file as it is now, in order, each ending with a newline. */
export function ownedSections(): string[] {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return [...current.matchAll(/<!-- ([a-z-]+): written by bench\/[\w-]+\.ts -->[\s\S]*?<!-- \/\1 -->\n?/gu)].map(
    (match) => (match[0].endsWith('\n') ? match[0] : `${match[0]}\n`),
  );
}

/** Replaces (or appends) the section `name` written by `script` with `lines`. */
export function writeSection(name: string, script: string, lines: readonly string[]): void {
  const begin = `<!-- ${name}: written by ${script} -->`;
  const end = `<!-- /${name} -->`;
  const current = readFileSync(file, 'utf8');
  const section = `${begin}\n${lines.join('\n')}\n${end}\n`;
  const at = current.indexOf(begin);
  const next =
    at === -1
      ? `${current.trimEnd()}\n\n${section}`
      : `${current.slice(0, at)}${section}${current.slice(current.indexOf(end, at) + end.length + 1)}`;
  writeFileSync(file, next);
}
