// What the main entry and `/core` export besides their catalog's functions.

export { type ReasonId, reasonIds } from '../reasons/reason-ids.js';
export { type CauseId, causeIds } from '../replies/client-error.js';
export { type LogEntry, parseLogLine } from '../replies/mail-log.js';
export {
  type EnhancedStatus,
  type ParseReplyOptions,
  parseEnhanced,
  parseReply,
  type SmtpReply,
  safeParseReply,
} from '../replies/parse-reply.js';
export { createCatalog } from './create-catalog.js';
export type { CauseTexts, EnhancedTexts, GenericKey, LocaleData } from './locale-data.js';
export { fallbackLanguage, type LanguagePreference } from './negotiate-language.js';
export type {
  EnhancedCodeString,
  ReplyCodeString,
  ReplyString,
  SmtpErrorLike,
  SmtpStatusInput,
  StatusCodeInput,
} from './resolve-input.js';
export { SmtpStatusCode, type SmtpStatusName } from './smtp-status-code.js';
export type {
  Catalog,
  CauseExplanation,
  EnhancedExplanation,
  Explanation,
  LocalizedText,
  LogExplanation,
  ReasonExplanation,
  RecipientExplanation,
  ReplyKind,
  ServedLanguage,
  TextSource,
} from './types.js';
