import { describe, expect, it } from 'vitest';
import { show } from '../../src/errors/show-value.js';

// How every error message names the value it refuses: short, one level deep, never by running it.
describe('show', () => {
  it.each([
    ['abc', '"abc"'],
    [550, '550'],
    [550n, '550n'],
    [null, 'null'],
    [undefined, 'undefined'],
    [Symbol('s'), 'Symbol(s)'],
    [{}, '{}'],
    [[], '[]'],
    [{ responseCode: '550' }, '{ responseCode: "550" }'],
    [{ responseCode: 550, response: { text: 'x' } }, '{ responseCode: 550, response: {…} }'],
    [[550, [1], { a: 1 }], '[550, […], {…}]'],
    [[1, 2, 3, 4], '[1, 2, 3, …]'],
    [{ a: 1, b: 2, c: 3, d: 4 }, '{ a: 1, b: 2, c: 3, … }'],
    [{ 'a b': 1 }, '{ "a b": 1 }'],
    [Object.assign(Object.create(null), { code: 'x' }), '{ code: "x" }'],
    [new Map([[1, 2]]), '[object Map]'],
    [new Date(0), '[object Date]'],
  ])('names %o as %s', (value, expected) => {
    expect(show(value)).toBe(expected);
  });

  it('cuts a long string at 60 characters, an entry at 20, and a preview at 80', () => {
    expect(show('x'.repeat(61))).toBe(`"${'x'.repeat(60)}…"`);
    expect(show({ text: 'y'.repeat(30) })).toBe(`{ text: "${'y'.repeat(20)}…" }`);
    const wide = show({ [`k${'a'.repeat(25)}`]: 'v'.repeat(40), [`l${'b'.repeat(25)}`]: 1 });
    expect(wide).toHaveLength(80);
    expect(wide.endsWith('…')).toBe(true);
  });

  it('names a function without its source', () => {
    expect(show(() => 'secret')).toBe('a function');
    expect(show({ run: () => 'secret' })).toBe('{ run: a function }');
  });

  it('never calls a getter', () => {
    let called = 0;
    const value = {
      get code() {
        called++;
        return 550;
      },
    };
    const items = [0];
    Object.defineProperty(items, 0, { get: () => called++ });
    expect(show(value)).toBe('{ code: a getter }');
    expect(show(items)).toBe('[a getter]');
    expect(called).toBe(0);
  });

  it('names a value that throws when looked at, and holes in an array', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(show(proxy)).toBe('an object');
    const holed: unknown[] = [];
    holed[1] = 1;
    expect(show(holed)).toBe('[empty, 1]');
  });
});
