import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReasonId } from '../../src/reasons/reason-ids.ts';
import type { ReasonRuleData } from '../../src/reasons/rule-data.ts';
import type { CauseId } from '../../src/replies/client-error.ts';
import { BuildError, type BuildProblem } from '../build-problem.ts';
import { type Page, parsePage } from '../parse/parse-page.ts';
import { readDocsFile } from '../read/read-docs.ts';
import { assembleRules, checkCauses, checkReasonsPage } from './check-rule-pages.ts';

const project = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'project');

/** Where the reasons step reads by default: the reasons page and the folder of rule pages. */
export const defaultReasonPages = {
  reasons: join(project, 'reasons.md'),
  rules: join(project, 'reason-rules'),
};

function read(path: string, problems: BuildProblem[]): Page | undefined {
  const { file, text } = readDocsFile(path);
  const page = parsePage(file, text);
  if ('tree' in page) return page;
  problems.push(page);
  return undefined;
}

/** What the reason pages give: the classifier's rules and the reason of each client-error cause. */
export interface ReasonPages {
  rules: ReasonRuleData;
  causes: Readonly<Record<CauseId, ReasonId>>;
}

/**
 * Reads and checks the reasons page and every rule page into the classifier's data and the
 * causes' reasons. Throws `BuildError` listing every problem (file:line), so nothing is written
 * from a bad page.
 *
 * @example loadReasonRules().rules.replyCodes['2xx'] // 'delivered'
 */
export function loadReasonRules(pages: { reasons: string; rules: string } = defaultReasonPages): ReasonPages {
  const problems: BuildProblem[] = [];
  const reasons = read(pages.reasons, problems);
  const sides = reasons ? checkReasonsPage(reasons, problems) : new Map();
  const names = readdirSync(pages.rules, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => entry.name)
    .sort();
  const rulePages = names.flatMap((name) => read(join(pages.rules, name), problems) ?? []);
  const rules = assembleRules(rulePages, problems);
  const causesPage = rulePages.find((page) => basename(page.file) === 'causes.md');
  if (!causesPage && !names.includes('causes.md'))
    problems.push({ file: join(pages.rules, 'causes.md'), line: 1, message: 'missing rule page' });
  const causes = causesPage ? checkCauses(causesPage, sides, problems) : undefined;
  if (problems.length > 0 || causes === undefined) throw new BuildError(problems);
  return { rules, causes };
}
