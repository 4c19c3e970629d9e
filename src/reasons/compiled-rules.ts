import { reasonRules } from '../internal/reason-rules.js';
import type { ReasonId } from './reason-ids.js';
import type { EnhancedRange, EnhancedRule } from './rule-data.js';

/** A provider rule with its words compiled. */
export interface CompiledProviderRule {
  code: string | undefined;
  enhanced: EnhancedRange | undefined;
  words: RegExp | undefined;
  reason: ReasonId;
  link: string | undefined;
}

/** The rules of `docs/project/reason-rules/`, their patterns compiled once. */
export interface CompiledRules {
  providersByText: readonly { provider: string; pattern: RegExp }[];
  providersByHost: readonly { provider: string; domain: string }[];
  providerRules: ReadonlyMap<string, readonly CompiledProviderRule[]>;
  words: readonly { pattern: RegExp; reason: ReasonId }[];
  enhanced: ReadonlyMap<string, EnhancedRule>;
  replyCodes: ReadonlyMap<string, ReasonId>;
  /** A name ending in one of the block list zones: `zen.spamhaus.org`. */
  blockList: RegExp | undefined;
}

let compiled: CompiledRules | undefined;

function escapeDots(zone: string): string {
  return zone.replaceAll('.', '\\.');
}

/**
 * The rules, compiled on first use (the build checked every pattern: flags `iu`, no
 * catastrophic backtracking), then kept.
 *
 * @example compiledRules().words.length // the rows of docs/project/reason-rules/server-words.md
 */
export function compiledRules(): CompiledRules {
  if (compiled) return compiled;
  const rules = reasonRules;
  compiled = {
    providersByText: rules.providers
      .filter((sign) => sign.from === 'text')
      .map((sign) => ({ provider: sign.provider, pattern: new RegExp(sign.match, 'iu') })),
    providersByHost: rules.providers
      .filter((sign) => sign.from === 'host')
      .map((sign) => ({ provider: sign.provider, domain: sign.match })),
    providerRules: new Map(
      Object.entries(rules.providerRules).map(([provider, list]) => [
        provider,
        list.map((rule) => ({
          code: rule.code,
          enhanced: rule.enhanced,
          words: rule.words === undefined ? undefined : new RegExp(rule.words, 'iu'),
          reason: rule.reason,
          link: rule.link,
        })),
      ]),
    ),
    words: rules.words.map((rule) => ({ pattern: new RegExp(rule.words, 'iu'), reason: rule.reason })),
    enhanced: new Map(Object.entries(rules.enhanced)),
    replyCodes: new Map(Object.entries(rules.replyCodes)),
    // Bounded repetition: at most four labels before the zone, each at most 63 characters.
    blockList:
      rules.blockLists.length === 0
        ? undefined
        : new RegExp(`(?:[a-z0-9-]{1,63}\\.){0,4}(?:${rules.blockLists.map(escapeDots).join('|')})\\b`, 'giu'),
  };
  return compiled;
}
