import { reasonRules } from '../internal/reason-rules.js';
import type { ReasonId } from './reason-ids.js';
import type { EnhancedRange, EnhancedRule } from './rule-data.js';
import { createPrefilter, type Prefilter } from './rule-prefilter.js';

/**
 * A rule's pattern compiled twice: `plain` (no flags) for ASCII text lower-cased once, the fast
 * way; `folded` (`iu`, as the pages say) for any other text. The build proved that the two give
 * the same answer on every ASCII text (scripts/reasons/check-pattern.ts, `lowerCaseProblem`).
 */
export interface RulePattern {
  plain: RegExp;
  folded: RegExp;
}

/** A provider rule with its words compiled. */
export interface CompiledProviderRule {
  code: string | undefined;
  enhanced: EnhancedRange | undefined;
  words: RulePattern | undefined;
  reason: ReasonId;
  link: string | undefined;
}

/** The rules of `docs/project/reason-rules/`, their patterns compiled once. */
export interface CompiledRules {
  providersByText: readonly { provider: string; pattern: RulePattern }[];
  providersByHost: readonly { provider: string; domain: string }[];
  providerRules: ReadonlyMap<string, readonly CompiledProviderRule[]>;
  words: readonly { pattern: RulePattern; reason: ReasonId }[];
  enhanced: ReadonlyMap<string, EnhancedRule>;
  /** The `X.s.d` rows by `s * 1000 + d`, and the `X.s.X` rows by `s`: read without building a key. */
  enhancedCodes: ReadonlyMap<number, EnhancedRule>;
  enhancedSubjects: ReadonlyMap<number, EnhancedRule>;
  replyCodes: ReadonlyMap<string, ReasonId>;
  /** A name ending in one of the block list zones: `zen.spamhaus.org`. */
  blockList: RegExp | undefined;
  /** Which of `words`, then of `providersByText`, a lower-cased ASCII text may match (src/reasons/rule-prefilter.ts). */
  prefilter: Prefilter;
  /** The zones alone, without flags, for lower-cased ASCII text: where none appears, `blockList` finds nothing. */
  zones: RegExp | undefined;
}

let compiled: CompiledRules | undefined;

function escapeDots(zone: string): string {
  return zone.replaceAll('.', '\\.');
}

/** The `X.s.d` rows (or, with `subjects`, the `X.s.X` rows) as `[s, d, rule]`. */
function enhancedRows(
  rows: Readonly<Record<string, EnhancedRule>>,
  subjects: boolean,
): [subject: number, detail: number, rule: EnhancedRule][] {
  return Object.entries(rows).flatMap(([key, rule]) => {
    const [cls, subject, detail] = key.split('.');
    if (cls !== 'X' || (detail === 'X') !== subjects) return [];
    return [[Number(subject), subjects ? 0 : Number(detail), rule]];
  });
}

function compile(source: string): RulePattern {
  return { plain: new RegExp(source), folded: new RegExp(source, 'iu') };
}

/**
 * The rules, compiled on first use (the build checked every pattern: flags `iu`, written in lower
 * case, no catastrophic backtracking), then kept.
 *
 * @example compiledRules().words.length // the rows of docs/project/reason-rules/server-words.md
 */
export function compiledRules(): CompiledRules {
  if (compiled) return compiled;
  const rules = reasonRules;
  const textSigns = rules.providers.filter((sign) => sign.from === 'text');
  compiled = {
    prefilter: createPrefilter([...rules.words.map((rule) => rule.grams), ...textSigns.map((sign) => sign.grams)]),
    providersByText: textSigns.map((sign) => ({ provider: sign.provider, pattern: compile(sign.match) })),
    providersByHost: rules.providers
      .filter((sign) => sign.from === 'host')
      .map((sign) => ({ provider: sign.provider, domain: sign.match })),
    providerRules: new Map(
      Object.entries(rules.providerRules).map(([provider, list]) => [
        provider,
        list.map((rule) => ({
          code: rule.code,
          enhanced: rule.enhanced,
          words: rule.words === undefined ? undefined : compile(rule.words),
          reason: rule.reason,
          link: rule.link,
        })),
      ]),
    ),
    words: rules.words.map((rule) => ({ pattern: compile(rule.words), reason: rule.reason })),
    enhanced: new Map(Object.entries(rules.enhanced)),
    enhancedCodes: new Map(
      enhancedRows(rules.enhanced, false).map(([subject, detail, rule]) => [subject * 1000 + detail, rule]),
    ),
    enhancedSubjects: new Map(enhancedRows(rules.enhanced, true).map(([subject, , rule]) => [subject, rule])),
    replyCodes: new Map(Object.entries(rules.replyCodes)),
    // Bounded repetition: at most four labels before the zone, each at most 63 characters.
    blockList:
      rules.blockLists.length === 0
        ? undefined
        : new RegExp(`(?:[a-z0-9-]{1,63}\\.){0,4}(?:${rules.blockLists.map(escapeDots).join('|')})\\b`, 'giu'),
    zones: rules.blockLists.length === 0 ? undefined : new RegExp(rules.blockLists.map(escapeDots).join('|')),
  };
  return compiled;
}
