/**
 * A value as every error message of the package names it: strings quoted and cut at 60
 * characters, objects by their tag (never their contents), anything else as `String` gives it.
 *
 * @example show('x'.repeat(80)) // '"xxxx…"' (60 characters and an ellipsis, quoted)
 */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'object' && value !== null) return Object.prototype.toString.call(value);
  return String(value);
}
