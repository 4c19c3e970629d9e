import { relative } from 'node:path';

/** One thing wrong with one page, located so a maintainer can jump to it. */
export interface BuildProblem {
  file: string;
  line: number;
  message: string;
}

/** Formats a problem the way compilers do: `file:line: message`. */
export function formatProblem(problem: BuildProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Thrown when the docs cannot be turned into locales; carries every problem found. */
export class BuildError extends Error {
  readonly problems: readonly BuildProblem[];

  constructor(problems: readonly BuildProblem[]) {
    const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    super(sorted.map(formatProblem).join('\n'));
    this.name = 'BuildError';
    this.problems = sorted;
  }
}

/** A path as a maintainer would type it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const fromHere = relative(process.cwd(), file);
  return fromHere.startsWith('..') ? file : fromHere.split('\\').join('/');
}
