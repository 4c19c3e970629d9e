// What a request item may look like before anything reads it: the shapes `explain` takes, with
// their strings bounded. Checked without recursion, so no nesting can exhaust the stack.
import { show } from '../errors/show-value.js';

/** The bounds of one item. */
export interface ItemLimits {
  /** Characters of an item's text: a string item, a reply's `text`, `response`, or all its `lines`. */
  itemChars: number;
  /** Lines of one reply: the line breaks of a string, or the entries of `lines`. */
  replyLines: number;
}

/** The keys of an item object that are read, and what each must be. */
const stringKeys = ['text', 'response'] as const;

/** Whether a string has more than `most` line breaks, stopping as soon as it does. */
function moreLines(text: string, most: number): boolean {
  let breaks = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    if (++breaks >= most) return true;
  }
  return false;
}

function checkString(text: string, name: string, limits: ItemLimits): string | undefined {
  if (text.length > limits.itemChars)
    return `${name} has ${text.length} characters; at most ${limits.itemChars} are read`;
  if (moreLines(text, limits.replyLines)) return `${name} has more than ${limits.replyLines} lines`;
  return undefined;
}

function checkLines(lines: unknown, name: string, limits: ItemLimits): string | undefined {
  if (!Array.isArray(lines)) return `${name} must be an array of strings, got ${show(lines)}`;
  if (lines.length > limits.replyLines)
    return `${name} has ${lines.length} lines; at most ${limits.replyLines} are read`;
  let chars = 0;
  for (let index = 0; index < lines.length; index++) {
    const line: unknown = lines[index];
    if (typeof line !== 'string') return `${name}[${index}] must be a string, got ${show(line)}`;
    chars += line.length;
    if (chars > limits.itemChars) return `${name} has more than ${limits.itemChars} characters`;
  }
  return undefined;
}

/**
 * Why an item is not of a shape the service reads, or `undefined` when it is: a number, a
 * string, `null`, or an object whose `text` and `response` are strings and whose `lines` are an
 * array of strings, all bounded. `name` says where the item is, for the message.
 *
 * @example itemShapeProblem({ code: 550, text: 'x', lines: [[1]] }, 'item 0', limits) // 'item 0 "lines"[0] must be a string, got [1]'
 */
export function itemShapeProblem(item: unknown, name: string, limits: ItemLimits): string | undefined {
  if (typeof item === 'string') return checkString(item, name, limits);
  if (typeof item !== 'object' || item === null) return undefined;
  if (Array.isArray(item)) return `${name} must be a reply, a code or an error object, got an array`;
  const fields = item as Record<string, unknown>;
  for (const key of stringKeys) {
    const value = fields[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') return `${name} "${key}" must be a string, got ${show(value)}`;
    const problem = checkString(value, `${name} "${key}"`, limits);
    if (problem !== undefined) return problem;
  }
  if (fields.lines !== undefined) return checkLines(fields.lines, `${name} "lines"`, limits);
  return undefined;
}
