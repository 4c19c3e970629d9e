// Three answers the catalog is gaining in main (the lead's change, issue 21), written here in the
// meantime so the service reads them from one place: each function below goes away at merge.
import type { Catalog } from '../catalog/create-catalog.js';
import type { LanguagePreference } from '../catalog/negotiate-language.js';
import { explainLogLineWith, type LogExplanation } from '../replies/mail-log.js';

/**
 * The language that serves a preference.
 *
 * @example served(catalog, 'fr-CA').lang // 'fr'
 */
// shim: replaced by catalog.served at merge
export function served(catalog: Catalog, preference: LanguagePreference): { lang: string } {
  return { lang: catalog.explain(0, preference).lang };
}

/**
 * The catalog with `explain(x).text` equal to `describe(x)` for every input (the one sentence
 * a person reads), as the contract says it will be.
 *
 * @example withOneSentence(catalog).explain('5.1.1', 'fr').text // the French text of 5.1.1
 */
// shim: replaced by the catalog itself at merge (its explain gives describe's sentence)
export function withOneSentence(catalog: Catalog): Catalog {
  return {
    ...catalog,
    explain(input, lang) {
      const explanation = catalog.explain(input, lang);
      // `lookup` refuses what `describe` refuses: such inputs keep explain's text.
      const sentence = catalog.lookup(input as never, lang);
      if (sentence !== undefined) explanation.text = sentence;
      return explanation;
    },
  };
}

/**
 * What an enhanced code of the registry is about, in one language, without a class: its own
 * sentence (or its subject's), never "the request failed…" (`X.2.2` may be temporary or
 * permanent). `key` is written as the registry writes it: `X.2.2`.
 *
 * @example neutralEnhancedText(catalog, 'X.2.2', 'en') // { lang: 'en', text: "The recipient's mailbox is full." }
 */
// shim: replaced by the catalog's class-neutral text at merge
export function neutralEnhancedText(catalog: Catalog, key: string, lang: string): { lang: string; text: string } {
  // The catalog composes an enhanced code's text as its class sentence, then its own; the class
  // sentence alone is what it says for a subject it has no sentence for (999).
  const enhanced = catalog.explain(key.replace(/^X/u, '5'), lang).enhanced;
  const head = catalog.explain('5.999.999', lang).enhanced?.text;
  if (enhanced === undefined) return { lang, text: key };
  const own = head !== undefined && enhanced.text.startsWith(head) ? enhanced.text.slice(head.length).trim() : '';
  return { lang: enhanced.lang, text: own === '' ? enhanced.text : own };
}

/**
 * A mail log line explained (the recipient it names, the reply or enhanced code it quotes), or
 * `undefined` for a line with nothing to explain.
 *
 * @example explainLogLine(catalog, '… to=<a@b.c>, … said: 550 5.1.1 No such user', 'fr')?.recipient // 'a@b.c'
 */
// shim: replaced by catalog.explainLogLine at merge
export function explainLogLine(catalog: Catalog, line: string, lang: string): LogExplanation | undefined {
  return explainLogLineWith(catalog.explain, line, lang);
}
