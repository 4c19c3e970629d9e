// What the command takes from its environment: the language, and whether to colour.
import type { LanguagePreference } from '../catalog/negotiate-language.js';

/**
 * The languages the environment asks for, as GNU gettext reads them: `LANGUAGE` (a list,
 * `fr:en`) first, then the locale, LC_ALL, LC_MESSAGES, then LANG. As gettext does, `LANGUAGE`
 * is ignored when the locale is `C` or `POSIX`; unlike gettext, an unset locale does not hide it.
 *
 * @example environmentLanguage({ LANGUAGE: 'fr:en', LANG: 'de_DE.UTF-8' }) // ['fr', 'en', 'de_DE.UTF-8']
 */
export function environmentLanguage(env: NodeJS.ProcessEnv): LanguagePreference {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  const list = (env.LANGUAGE ?? '').split(':').filter((tag) => tag !== '');
  if (list.length === 0 || locale === 'C' || locale === 'POSIX') return locale;
  return locale === undefined ? list : [...list, locale];
}

/**
 * Whether output may be coloured: only on a terminal, never with `NO_COLOR` set to anything
 * but the empty string (no-color.org) or with `TERM=dumb`.
 *
 * @example colorEnabled({ NO_COLOR: '1' }, true) // false
 */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  return isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}
