// What the main entry and `/core` export besides their catalog's functions.

export { type EnhancedStatus, parseReply, type SmtpReply, safeParseReply } from '../replies/parse-reply.js';
export type { Catalog, EnhancedExplanation, Explanation, ReplyKind } from './create-catalog.js';
export { createCatalog } from './create-catalog.js';
export type { EnhancedTexts, GenericKey, LocaleData } from './locale-data.js';
export { fallbackLanguage, type LanguagePreference } from './negotiate-language.js';
export type {
  ReplyCodeString,
  ReplyString,
  SmtpErrorLike,
  SmtpStatusInput,
  StatusCodeInput,
} from './resolve-input.js';
export { SmtpStatusCode, type SmtpStatusName } from './smtp-status-code.js';
