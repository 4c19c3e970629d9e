import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReasonRuleData } from '../../src/reasons/rule-data.ts';
import { BuildError, type BuildProblem } from '../build-problem.ts';
import { type Page, parsePage } from '../parse/parse-page.ts';
import { readDocsFile } from '../read/read-docs.ts';
import { assembleRules, checkReasonsPage } from './check-rule-pages.ts';

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

/**
 * Reads and checks the reasons page and every rule page into the classifier's data. Throws
 * `BuildError` listing every problem (file:line), so nothing is written from a bad page.
 *
 * @example loadReasonRules().replyCodes['2xx'] // 'delivered'
 */
export function loadReasonRules(pages: { reasons: string; rules: string } = defaultReasonPages): ReasonRuleData {
  const problems: BuildProblem[] = [];
  const reasons = read(pages.reasons, problems);
  if (reasons) checkReasonsPage(reasons, problems);
  const names = readdirSync(pages.rules, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => entry.name)
    .sort();
  const rulePages = names.flatMap((name) => read(join(pages.rules, name), problems) ?? []);
  const data = assembleRules(rulePages, problems);
  if (problems.length > 0) throw new BuildError(problems);
  return data;
}
