/** How deep a value nests: 0 for a primitive, 1 for an object or array of primitives. */
function depth(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depth));
}

/**
 * Data as a TypeScript literal for a generated module: objects and arrays opened one level per
 * line down to records (a value nested at most two levels deep, like a rule with its enhanced
 * range), each on one line, so that a reader (and a diff) sees one rule per line.
 *
 * @example dataLiteral({ words: [{ words: 'mailbox full', reason: 'mailbox-full' }] })
 *   // '{\n  "words": [\n    {"words":"mailbox full","reason":"mailbox-full"},\n  ],\n}'
 */
export function dataLiteral(value: unknown, indent = ''): string {
  if (typeof value !== 'object' || value === null || (indent !== '' && depth(value) <= 2)) return JSON.stringify(value);
  const inner = `${indent}  `;
  const lines = Array.isArray(value)
    ? value.map((item) => `${inner}${dataLiteral(item, inner)},`)
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${dataLiteral(item, inner)},`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${lines.join('\n')}\n${indent}${close}`;
}
