// What the CLI writes to a terminal: no character a terminal interprets reaches stdout or stderr
// raw, whatever the input held. A log line is hostile input: C1 CSI (U+009B) and OSC (U+009D)
// drive xterm as ESC [ and ESC ] do, and bidirectional controls reorder what is shown.

/**
 * Characters a terminal interprets: C0 controls, DEL, C1 controls, and the bidirectional
 * marks (U+200E, U+200F, U+061C), embeddings and overrides (U+202A–U+202E) and isolates
 * (U+2066–U+2069). Tab and line feed are left to each function: they may be the output's own.
 */
const controlsButTabAndNewline =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const controlsButNewline = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const controls = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

const jsonEscape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text output: each interpreted character becomes U+FFFD; tab and line feed stay (they separate
 * the output's fields and lines).
 *
 * @example terminalText('550 \u009b2J') // '550 \uFFFD2J'
 */
export function terminalText(text: string): string {
  return text.replace(controlsButTabAndNewline, '\uFFFD');
}

/**
 * One field of tab-separated output (a recipient taken from a log line): tab and line feed
 * become U+FFFD too, so a field never shifts the columns or starts a line.
 *
 * @example terminalField('a@b.c\tx') // 'a@b.c\uFFFDx'
 */
export function terminalField(text: string): string {
  return text.replace(controls, '\uFFFD');
}

/**
 * JSON output and error messages: each interpreted character is written as its JSON escape
 * (`\u009b`), so JSON stays valid JSON that reads back to the same value, and a message still
 * names the value it quotes; line feeds (between JSON lines, ending a message) stay.
 *
 * @example terminalEscaped('{"text":"\u009b2J"}\n') // '{"text":"\\u009b2J"}\n'
 */
export function terminalEscaped(text: string): string {
  return text.replace(controlsButNewline, jsonEscape);
}

// What `JSON.stringify` or `terminalEscaped` would change in a string: a quote, a backslash, a
// control, a bidirectional mark, a lone surrogate (`u`: a pair is one character and stays).
const jsonUnsafe = /["\\\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;

/**
 * A string as a JSON string, terminal-safe: `terminalEscaped(JSON.stringify(text))`, in one
 * pass over a text that needs no escape (a recipient, a log's words, a reply, most often).
 *
 * @example terminalJsonString('a@b.c') // '"a@b.c"'
 */
export function terminalJsonString(text: string): string {
  return jsonUnsafe.test(text) ? terminalEscaped(JSON.stringify(text)) : `"${text}"`;
}

/**
 * Whether `terminalJsonString` writes a text as it is between quotes: it holds nothing JSON or
 * a terminal would change. So does every part of it.
 *
 * @example jsonAsIs('a@b.c') // true
 */
export function jsonAsIs(text: string): boolean {
  return !jsonUnsafe.test(text);
}
