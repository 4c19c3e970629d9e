// What both entries export besides their catalog's functions.
export type { Catalog, EnhancedExplanation, Explanation, LanguagePreference, ReplyKind } from './catalog.js';
export { createCatalog, fallbackLanguage } from './catalog.js';
export type { EnhancedTexts, GenericKey, LocaleData } from './locale-data.js';
export { type EnhancedStatus, parseReply, type SmtpReply, safeParseReply } from './parse-reply.js';
export type {
  ReplyCodeString,
  ReplyString,
  SmtpErrorLike,
  SmtpStatusInput,
  StatusCodeInput,
} from './resolve-code.js';
export { SmtpStatusCode, type SmtpStatusName } from './smtp-status-code.js';
