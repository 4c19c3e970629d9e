// What both entries export besides their catalog's functions.
export type { Catalog, Explanation, LanguagePreference, ReplyKind } from './catalog.js';
export { createCatalog, fallbackLanguage } from './catalog.js';
export type { GenericKey, LocaleData } from './locale-data.js';
export type { ReplyCodeString, StatusCodeInput } from './resolve-code.js';
export { SmtpStatusCode, type SmtpStatusName } from './smtp-status-code.js';
