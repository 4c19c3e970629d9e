/**
 * A strong `ETag` for a body: FNV-1a over its characters, twice with different offsets (64 bits,
 * in plain JavaScript: the same on Node and in Workers, and synchronous), and their count.
 *
 * @example entityTag('{}') // '"…-2"'
 */
export function entityTag(body: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let index = 0; index < body.length; index++) {
    const char = body.charCodeAt(index);
    a = Math.imul(a ^ char, 0x01000193);
    b = Math.imul(b ^ char, 0x01000193) ^ (b >>> 15);
  }
  const hash = `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
  return `"${hash}-${body.length.toString(16)}"`;
}

/**
 * Whether an `If-None-Match` header matches an entity tag (RFC 9110 §13.1.2: weak comparison,
 * `*` matches any).
 *
 * @example notModified('W/"a-1", "b-2"', '"b-2"') // true
 */
export function notModified(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  for (const tag of header.split(',')) {
    const trimmed = tag.trim();
    if ((trimmed.startsWith('W/') ? trimmed.slice(2) : trimmed) === etag) return true;
  }
  return false;
}
