import { basename } from 'node:path';
import { z } from 'zod';
import { type ReasonId, reasonIds } from '../../src/reasons/reason-ids.ts';
import type {
  EnhancedRule,
  ProviderRule,
  ProviderSign,
  ReasonRuleData,
  WordsRule,
} from '../../src/reasons/rule-data.ts';
import { type CauseId, causeIds } from '../../src/replies/client-error.ts';
import type { BuildProblem } from '../build-problem.ts';
import type { Page } from '../parse/parse-page.ts';
import { patternGrams } from './pattern-grams.ts';
import {
  agreesSchema,
  codeCellSchema,
  enhancedKeySchema,
  enhancedRangeSchema,
  hostPatternSchema,
  linkSchema,
  patternSchema,
  providerSchema,
  reasonSchema,
  rulePageFrontMatter,
  sourceSchema,
  zoneSchema,
} from './rule-schemas.ts';
import { type RuleRow, ruleTable } from './rule-table.ts';

/** A rule with the prefilter's pieces of its pattern, when it has any. */
function withGrams<T extends object>(rule: T, pattern: string): T & { grams?: string[] } {
  const grams = patternGrams(pattern);
  return grams === undefined ? rule : { ...rule, grams };
}

/**
 * One row through its schema: the row's values, or `undefined` with a problem per issue at the
 * row's line, naming the column. `code` columns take the cell's inline code (patterns, hosts).
 */
function readRow<S extends z.ZodType>(
  page: Page,
  row: RuleRow,
  schema: S,
  codeColumns: readonly string[],
  problems: BuildProblem[],
): z.output<S> | undefined {
  const input: Record<string, string | undefined> = {};
  for (const [name, cell] of Object.entries(row.cells)) {
    input[name] = codeColumns.includes(name) ? (cell.text === '-' ? '-' : cell.code) : cell.text;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({
      file: page.file,
      line: row.line,
      message: `column ${String(issue.path[0] ?? '?')}: ${issue.message}`,
    });
  }
  return undefined;
}

/** Checks the front matter of a page of reasons or rules; a problem at line 2 for each field wrong. */
function checkFrontMatter(page: Page, problems: BuildProblem[]): void {
  const result = rulePageFrontMatter.safeParse(page.data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push({ file: page.file, line: 2, message: issue.message });
  }
}

/** Where a reason's Why places what stood in the way (docs/project/reasons.md, column Side). */
export type ReasonSide = 'receiving' | 'sending' | 'between' | 'either';

/**
 * Checks `docs/project/reasons.md` against `reasonIds`: every id once, no other, each with its
 * Sisimai name (the id without hyphens), its side, a definition and a source. Returns each
 * reason's side.
 *
 * @example checkReasonsPage(page, problems).get('mailbox-full') // 'receiving'
 */
export function checkReasonsPage(page: Page, problems: BuildProblem[]): Map<ReasonId, ReasonSide> {
  checkFrontMatter(page, problems);
  const schema = z.object({
    Reason: reasonSchema,
    Sisimai: z.string().min(1, 'the Sisimai name is missing'),
    Side: z.enum(['receiving', 'sending', 'between', 'either'], {
      error: (issue) => `not a side: ${JSON.stringify(issue.input)} (receiving, sending, between or either)`,
    }),
    Definition: z.string().min(20, 'the definition is missing or too short'),
    Source: sourceSchema,
  });
  const seen = new Map<string, number>();
  const sides = new Map<ReasonId, ReasonSide>();
  for (const row of ruleTable(page, ['Reason', 'Sisimai', 'Side', 'Definition', 'Source'], problems)) {
    const value = readRow(page, row, schema, [], problems);
    if (!value) continue;
    const first = seen.get(value.Reason);
    if (first !== undefined) {
      problems.push({
        file: page.file,
        line: row.line,
        message: `reason ${value.Reason} is defined twice (first at line ${first})`,
      });
      continue;
    }
    seen.set(value.Reason, row.line);
    sides.set(value.Reason, value.Side);
    const names = value.Sisimai.split(/,\s*/u).map((name) => name.toLowerCase());
    if (value.Reason !== 'unknown' && !names.includes(value.Reason.replaceAll('-', ''))) {
      problems.push({
        file: page.file,
        line: row.line,
        message: `reason ${value.Reason} without hyphens must be Sisimai's name in lower case, not ${value.Sisimai}`,
      });
    }
  }
  missingRows(page, reasonIds, seen, 'reason', 'src/reasons/reason-ids.ts', problems);
  return sides;
}

/** One problem, at the table's first line, for each id of `ids` (defined in `home`) that no row names. */
function missingRows(
  page: Page,
  ids: readonly string[],
  named: { has(id: string): boolean },
  what: string,
  home: string,
  problems: BuildProblem[],
): void {
  for (const id of ids) {
    if (!named.has(id))
      problems.push({ file: page.file, line: page.bodyLine + 1, message: `${what} ${id} (${home}) has no row` });
  }
}

/**
 * Reads the causes page (`causes.md`): the reason of every client-error cause of
 * `src/replies/client-error.ts`, each exactly once; a cause of the sending program never gets a
 * reason whose Why places what stood in the way on the receiving side (`sides`, from reasons.md).
 *
 * @example checkCauses(page, sides, problems)['no-recipients'] // 'mailer-error'
 */
export function checkCauses(
  page: Page,
  sides: ReadonlyMap<ReasonId, ReasonSide>,
  problems: BuildProblem[],
): Record<CauseId, ReasonId> {
  checkFrontMatter(page, problems);
  const schema = z.object({
    Cause: z.enum(causeIds, {
      error: (issue) => `not a cause: ${JSON.stringify(issue.input)} (see causeIds in src/replies/client-error.ts)`,
    }),
    Side: z.enum(['sending', 'between', 'receiving', 'unknown'], {
      error: (issue) => `not a side: ${JSON.stringify(issue.input)} (sending, between, receiving or unknown)`,
    }),
    Reason: reasonSchema,
    Source: sourceSchema,
  });
  const entries: [string, number, ReasonId][] = [];
  const rows = ruleTable(page, ['Cause', 'Side', 'Reason', 'Source'], problems);
  const named = new Set(rows.map((row) => row.cells.Cause?.text));
  for (const row of rows) {
    const value = readRow(page, row, schema, [], problems);
    if (!value) continue;
    if (value.Side === 'sending' && sides.get(value.Reason) === 'receiving') {
      problems.push({
        file: page.file,
        line: row.line,
        message: `cause ${value.Cause} is the sending program's, but reason ${value.Reason}'s Why places it on the receiving side (Side in docs/project/reasons.md)`,
      });
      continue;
    }
    entries.push([value.Cause, row.line, value.Reason]);
  }
  missingRows(page, causeIds, named, 'cause', 'src/replies/client-error.ts', problems);
  // Complete once no problem was found: the build writes nothing otherwise.
  return keyed(page, entries, problems) as Record<CauseId, ReasonId>;
}

/**
 * Reads the providers page: how each provider is recognised, in order.
 *
 * @example checkProviders(page, problems)[0] // { provider: 'gmail', from: 'text', match: '\\bgsmtp\\b' }
 */
export function checkProviders(page: Page, problems: BuildProblem[]): ProviderSign[] {
  checkFrontMatter(page, problems);
  const schema = z.object({
    Provider: providerSchema,
    From: z.enum(['text', 'host'], { error: 'From is text or host' }),
    Match: z.string({ error: 'the match must be in inline code: `…`' }),
    Source: sourceSchema,
  });
  const signs: ProviderSign[] = [];
  for (const row of ruleTable(page, ['Provider', 'From', 'Match', 'Source'], problems)) {
    const value = readRow(page, row, schema, ['Match'], problems);
    if (!value) continue;
    const match = (value.From === 'host' ? hostPatternSchema : patternSchema).safeParse(value.Match);
    if (!match.success) {
      for (const issue of match.error.issues)
        problems.push({ file: page.file, line: row.line, message: `column Match: ${issue.message}` });
      continue;
    }
    signs.push({ provider: value.Provider, from: value.From, match: match.data });
  }
  return signs;
}

/** A Words cell's pattern, or `null` with a problem for each thing wrong with it. */
function readPattern(page: Page, row: RuleRow, source: string, problems: BuildProblem[]): string | null {
  const pattern = patternSchema.safeParse(source);
  if (pattern.success) return pattern.data;
  for (const issue of pattern.error.issues) {
    problems.push({ file: page.file, line: row.line, message: `column Words: ${issue.message}` });
  }
  return null;
}

/**
 * Reads one provider's rule page (`gmail.md`), whose front matter names the provider as its file does.
 *
 * @example checkProviderRules(page, problems)[0].reason // 'rate-limited'
 */
export function checkProviderRules(page: Page, problems: BuildProblem[]): ProviderRule[] {
  checkFrontMatter(page, problems);
  const name = basename(page.file, '.md');
  if (page.data.provider !== name) {
    problems.push({
      file: page.file,
      line: 2,
      message: `front matter: provider must be ${JSON.stringify(name)}, as the file is named`,
    });
  }
  const schema = z.object({
    Code: codeCellSchema,
    Enhanced: enhancedRangeSchema,
    Words: z.string({ error: 'the words must be in inline code: `…`, or - for none' }),
    Reason: reasonSchema,
    Link: linkSchema,
    Source: sourceSchema,
  });
  const rules: ProviderRule[] = [];
  for (const row of ruleTable(page, ['Code', 'Enhanced', 'Words', 'Reason', 'Link', 'Source'], problems)) {
    const value = readRow(page, row, schema, ['Words'], problems);
    if (!value) continue;
    const words = value.Words === '-' ? undefined : readPattern(page, row, value.Words, problems);
    if (words === null) continue;
    if (value.Enhanced === undefined && words === undefined) {
      problems.push({
        file: page.file,
        line: row.line,
        message: 'a provider rule needs an enhanced code or words (both are -)',
      });
      continue;
    }
    rules.push({
      ...(value.Code !== undefined && { code: value.Code }),
      ...(value.Enhanced !== undefined && { enhanced: value.Enhanced }),
      ...(words !== undefined && { words }),
      reason: value.Reason,
      ...(value.Link !== undefined && { link: value.Link }),
    });
  }
  return rules;
}

/**
 * Reads the server words page, in order.
 *
 * @example checkWords(page, problems)[0].reason // 'suppressed'
 */
export function checkWords(page: Page, problems: BuildProblem[]): WordsRule[] {
  checkFrontMatter(page, problems);
  const schema = z.object({
    Words: patternSchema,
    Reason: reasonSchema,
    'Written by': z.string().min(2, 'say which software or service writes these words'),
    Source: sourceSchema,
  });
  const rules: WordsRule[] = [];
  for (const row of ruleTable(page, ['Words', 'Reason', 'Written by', 'Source'], problems)) {
    const value = readRow(page, row, schema, ['Words'], problems);
    if (value) rules.push({ words: value.Words, reason: value.Reason });
  }
  return rules;
}

/** Problems for a key given twice; the rows' values by key otherwise. */
function keyed<T>(
  page: Page,
  entries: readonly [key: string, line: number, value: T][],
  problems: BuildProblem[],
): Record<string, T> {
  const result: Record<string, T> = {};
  const lines = new Map<string, number>();
  for (const [key, line, value] of entries) {
    const first = lines.get(key);
    if (first !== undefined) {
      problems.push({ file: page.file, line, message: `${key} is given twice (first at line ${first})` });
      continue;
    }
    lines.set(key, line);
    result[key] = value;
  }
  return result;
}

/**
 * Reads the enhanced codes page: the reason of each registered meaning, and on subject rows the
 * reasons that agree with the subject.
 *
 * @example checkEnhanced(page, problems)['X.1.1'] // { reason: 'user-unknown' }
 */
export function checkEnhanced(page: Page, problems: BuildProblem[]): Record<string, EnhancedRule> {
  checkFrontMatter(page, problems);
  const schema = z.object({
    Enhanced: enhancedKeySchema,
    Reason: reasonSchema,
    Agrees: agreesSchema,
    Source: sourceSchema,
  });
  const entries: [string, number, EnhancedRule][] = [];
  for (const row of ruleTable(page, ['Enhanced', 'Reason', 'Agrees', 'Source'], problems)) {
    const value = readRow(page, row, schema, [], problems);
    if (!value) continue;
    const subject = value.Enhanced.endsWith('.X');
    if (!subject && value.Agrees.length > 0) {
      problems.push({
        file: page.file,
        line: row.line,
        message: 'Agrees is for subject rows (X.7.X); write - on a code row',
      });
      continue;
    }
    const agrees: ReasonId[] = value.Agrees;
    entries.push([value.Enhanced, row.line, { reason: value.Reason, ...(agrees.length > 0 && { agrees }) }]);
  }
  return keyed(page, entries, problems);
}

/**
 * Reads the reply codes page: the reason of a basic code or a class.
 *
 * @example checkReplyCodes(page, problems)['2xx'] // 'delivered'
 */
export function checkReplyCodes(page: Page, problems: BuildProblem[]): Record<string, ReasonId> {
  checkFrontMatter(page, problems);
  const schema = z.object({
    Code: z.string().regex(/^(?:[2-5]\d\d|[245]xx)$/u, 'a reply code (550) or a class (5xx)'),
    Reason: reasonSchema,
    Source: sourceSchema,
  });
  const entries: [string, number, ReasonId][] = [];
  for (const row of ruleTable(page, ['Code', 'Reason', 'Source'], problems)) {
    const value = readRow(page, row, schema, [], problems);
    if (value) entries.push([value.Code, row.line, value.Reason]);
  }
  return keyed(page, entries, problems);
}

/**
 * Reads the block lists page: the zones, in order.
 *
 * @example checkBlockLists(page, problems)[0] // 'spamhaus.org'
 */
export function checkBlockLists(page: Page, problems: BuildProblem[]): string[] {
  checkFrontMatter(page, problems);
  const schema = z.object({ Zone: zoneSchema, Operator: z.string().min(2, 'name the operator'), Source: sourceSchema });
  const zones: string[] = [];
  for (const row of ruleTable(page, ['Zone', 'Operator', 'Source'], problems)) {
    const value = readRow(page, row, schema, [], problems);
    if (value) zones.push(value.Zone);
  }
  return zones;
}

/** The pages of `docs/project/reason-rules/` that are not a provider's rules. */
export const sharedRulePages = [
  'providers',
  'server-words',
  'enhanced-codes',
  'reply-codes',
  'block-lists',
  'causes',
] as const;

/**
 * Assembles the rule pages into the classifier's data; a problem for a provider without a rule
 * page, or a rule page whose provider nothing recognises.
 *
 * @example assembleRules(pages, problems).words.length // the rows of server-words.md
 */
export function assembleRules(pages: readonly Page[], problems: BuildProblem[]): ReasonRuleData {
  const byName = new Map(pages.map((page) => [basename(page.file, '.md'), page]));
  const need = (name: string): Page | undefined => {
    const page = byName.get(name);
    if (!page) problems.push({ file: `docs/project/reason-rules/${name}.md`, line: 1, message: 'missing rule page' });
    return page;
  };
  const providersPage = need('providers');
  const providers = providersPage ? checkProviders(providersPage, problems) : [];
  const providerRules: Record<string, ProviderRule[]> = {};
  for (const [name, page] of byName) {
    if ((sharedRulePages as readonly string[]).includes(name)) continue;
    if (!providers.some((sign) => sign.provider === name)) {
      problems.push({ file: page.file, line: 1, message: `no row of providers.md recognises provider ${name}` });
      continue;
    }
    providerRules[name] = checkProviderRules(page, problems);
  }
  for (const provider of new Set(providers.map((sign) => sign.provider))) {
    if (!byName.has(provider) && providersPage) {
      problems.push({
        file: providersPage.file,
        line: 1,
        message: `provider ${provider} has no rule page ${provider}.md`,
      });
    }
  }
  const wordsPage = need('server-words');
  const enhancedPage = need('enhanced-codes');
  const replyPage = need('reply-codes');
  const listsPage = need('block-lists');
  return {
    providers: providers.map((sign) => (sign.from === 'text' ? withGrams(sign, sign.match) : sign)),
    providerRules,
    words: (wordsPage ? checkWords(wordsPage, problems) : []).map((rule) => withGrams(rule, rule.words)),
    enhanced: enhancedPage ? checkEnhanced(enhancedPage, problems) : {},
    replyCodes: replyPage ? checkReplyCodes(replyPage, problems) : {},
    blockLists: listsPage ? checkBlockLists(listsPage, problems) : [],
  };
}
