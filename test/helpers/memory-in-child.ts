// What stays alive after some work, measured in a child process with a collector it may call
// (`--expose-gc`): the main entry is imported, `used()` collects and reads the heap and external
// memory, and the script writes its figures as JSON on stdout.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from './temp-dir.ts';
import * as timeouts from './timeouts.ts';

/**
 * Runs `lines` (an ES module body, with `explain` and `used()` in scope, the languages already
 * loaded) in a child process and returns its exit status, its stderr and its stdout read as JSON
 * (`undefined` when it failed). Killed if it runs past half of `timeouts.processes`.
 *
 * @example memoryInChild(['const before = used();', "process.stdout.write(JSON.stringify({ mib: (used() - before) / 2 ** 20 }));"])
 */
export function memoryInChild(lines: string[]): { status: number | null; stderr: string; figures: unknown } {
  const script = [
    `const { explain } = await import(${JSON.stringify(join(projectRoot, 'src', 'index.ts'))});`,
    'const used = () => (globalThis.gc(), process.memoryUsage().heapUsed + process.memoryUsage().external);',
    "explain(550, 'fr');",
    ...lines,
  ].join('\n');
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--input-type=module', '--eval', script],
    {
      cwd: projectRoot,
      encoding: 'utf8',
      timeout: timeouts.processes / 2,
    },
  );
  // A child that failed wrote no figures: its status and stderr say why.
  const figures: unknown = result.status === 0 ? JSON.parse(result.stdout) : undefined;
  return { status: result.status, stderr: result.stderr, figures };
}
