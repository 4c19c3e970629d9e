/**
 * A response body computed once and reused: the service's answers depend only on the catalog,
 * the route, the input and the language, so each is serialized and hashed on first use.
 */
export interface Representation {
  body: string;
  /** A strong validator: a hash of the body's characters, and their count. */
  etag: string;
  contentType: string;
  /** The language of the body's texts, when it has one (`Content-Language`). */
  lang: string | undefined;
}

/**
 * A representation of a body, with its strong `ETag` (FNV-1a, twice with different offsets:
 * 64 bits, in plain JavaScript, the same on Node and in Workers, and synchronous).
 *
 * @example represent('{}', 'application/json', 'fr').etag // '"…-2"'
 */
export function represent(body: string, contentType: string, lang?: string): Representation {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let index = 0; index < body.length; index++) {
    const char = body.charCodeAt(index);
    a = Math.imul(a ^ char, 0x01000193);
    b = Math.imul(b ^ char, 0x01000193) ^ (b >>> 15);
  }
  const hash = `${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
  return { body, etag: `"${hash}-${body.length.toString(16)}"`, contentType, lang };
}

/**
 * A bounded cache of representations: keys include client input (a code as typed, a language
 * preference), so it is cleared when full rather than left to grow.
 */
export class RepresentationCache {
  readonly #entries = new Map<string, Representation>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The representation under `key`, built by `make` on first use. @example cache.get('languages', () => represent('[]', 'application/json')) */
  get(key: string, make: () => Representation): Representation {
    let found = this.#entries.get(key);
    if (found === undefined) {
      found = make();
      if (this.#entries.size >= this.#limit) this.#entries.clear();
      this.#entries.set(key, found);
    }
    return found;
  }
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
