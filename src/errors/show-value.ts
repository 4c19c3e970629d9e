/**
 * A value as every error message of the package names it: strings quoted and cut at 60
 * characters; an array or a plain object by its first entries (`{ responseCode: "550" }`,
 * `[550, …]`), each shown one level deep, the whole cut at 80 characters; any other object by
 * its tag (`[object Map]`); a function as `a function` (never its source); anything else as
 * `String` gives it (a bigint with its `n`). A getter is never called, and a value that throws
 * when looked at (a revoked proxy) is named `an object`: naming a value always returns.
 *
 * @example show('x'.repeat(80)) // '"xxxx…"' (60 characters and an ellipsis, quoted)
 * @example show({ responseCode: '550' }) // '{ responseCode: "550" }'
 */
export function show(value: unknown): string {
  if (typeof value === 'string') return quoted(value, 60);
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object' || value === null) return typeof value === 'bigint' ? `${value}n` : String(value);
  try {
    const list = Array.isArray(value);
    const prototype = Object.getPrototypeOf(value);
    if (!list && prototype !== Object.prototype && prototype !== null) return Object.prototype.toString.call(value);
    // An array's first indices (never all its keys: it may be long), an object's own keys.
    const keys = list ? ['0', '1', '2', '3'].slice(0, value.length) : Object.keys(value);
    const shown = keys.slice(0, 3).map((key) => {
      const own = Object.getOwnPropertyDescriptor(value, key);
      const text = own === undefined ? 'empty' : 'value' in own ? entry(own.value) : 'a getter';
      return list ? text : `${/^[A-Za-z_$][\w$]{0,30}$/u.test(key) ? key : quoted(key, 20)}: ${text}`;
    });
    if (keys.length > 3) shown.push('…');
    const whole = list ? `[${shown.join(', ')}]` : keys.length > 0 ? `{ ${shown.join(', ')} }` : '{}';
    return whole.length > 80 ? `${whole.slice(0, 79)}…` : whole;
  } catch {
    return 'an object';
  }
}

function quoted(text: string, most: number): string {
  return JSON.stringify(text.length > most ? `${text.slice(0, most)}…` : text);
}

/** An entry of an array or an object: a primitive as `show` gives it, an object by its kind. */
function entry(value: unknown): string {
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? '[…]' : '{…}';
  return typeof value === 'string' ? quoted(value, 20) : show(value);
}
