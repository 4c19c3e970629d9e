import { BuildError, type BuildProblem } from '../build-problem.ts';
import type { Page } from '../parse/parse-page.ts';
import { pageRows } from './page-rows.ts';
import { registryRowSchema } from './schemas.ts';

/** One entry of the IANA "SMTP Enhanced Status Codes" registry, as the registry page lists it. */
export interface RegistryEntry {
  key: string;
  summary: string;
  reference: string;
  /** The basic reply codes the registry associates with the code (`451, 550`, `Any`, `Not given`; `-` for classes and subjects). */
  usedWith: string;
}

/**
 * Checks the registry page (`docs/project/enhanced-registry.md`): every class, subject and code,
 * in page order. Throws a `BuildError` with file and line for a malformed or duplicate row.
 *
 * @example checkRegistry(page).map((entry) => entry.key) // ['2.X.X', …, 'X.7.30']
 */
export function checkRegistry(page: Page): RegistryEntry[] {
  const { file } = page;
  const problems: BuildProblem[] = [];
  const entries = new Map<string, RegistryEntry & { line: number }>();
  for (const row of pageRows(page, '| X.1.1 | summary | reference | used with |', problems)) {
    const [key, summary, reference, usedWith] = row.cells.map((cell) => cell.text);
    if (row.cells.length !== 4) {
      problems.push({
        file,
        line: row.line,
        message: `the row has ${row.cells.length} cells; expected 4: code | summary | reference | used with`,
      });
      continue;
    }
    const parsed = registryRowSchema.safeParse({ key, summary, reference, usedWith });
    if (!parsed.success) {
      problems.push({
        file,
        line: row.line,
        message: `${key || 'row'}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
      });
      continue;
    }
    const first = entries.get(parsed.data.key);
    if (first !== undefined) {
      problems.push({
        file,
        line: row.line,
        message: `duplicate row for "${parsed.data.key}" (first at line ${first.line})`,
      });
      continue;
    }
    entries.set(parsed.data.key, { ...parsed.data, line: row.line });
  }
  if (problems.length > 0) throw new BuildError(problems);
  return [...entries.values()].map(({ line: _, ...entry }) => entry);
}
