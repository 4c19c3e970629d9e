/**
 * A bounded cache: keys include client input (a code as typed, a language preference), so it
 * is cleared when full rather than left to grow.
 */
export class BoundedCache<T> {
  readonly #entries = new Map<string, T>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The value under `key`, made by `make` on first use. @example cache.get('languages', () => answer) */
  get(key: string, make: () => T): T {
    let found = this.#entries.get(key);
    if (found === undefined) {
      found = make();
      if (this.#entries.size >= this.#limit) this.#entries.clear();
      this.#entries.set(key, found);
    }
    return found;
  }
}
