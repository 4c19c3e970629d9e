/**
 * One property of a value that may be anything a `catch` block holds: `undefined` for a
 * primitive, and for a getter that throws or a revoked Proxy (reading never throws).
 *
 * @example readField(new Error('x'), 'message') // 'x'
 */
export function readField(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}
