import type { SmtpStatusName } from './smtp-status-code.js';
import type { TextKindData } from './text-kinds.js';

export {
  type CauseTexts,
  type EnhancedTexts,
  enhancedKeyPattern,
  type GenericKey,
  genericKeys,
} from './text-kinds.js';

/**
 * The descriptions of one language, as `registerLocale` takes them and
 * `smtp-status-i18n/locales/<lang>` exports them: upstream's member texts (`codes`), and each
 * kind of the project's texts (src/catalog/text-kinds.ts) it has. A kind a language lacks is
 * said in the fallback language's words.
 *
 * @example registerLocale({ lang: 'de', codes: { NotDefined: 'Nicht definiert', … } })
 */
export type LocaleData = {
  /** BCP 47 language tag, e.g. `'fr'` or `'pt-BR'`. */
  readonly lang: string;
  /** The description of every `SmtpStatusCode` member. */
  readonly codes: Readonly<Record<SmtpStatusName, string>>;
} & { readonly [Kind in keyof TextKindData]?: TextKindData[Kind] | undefined };
