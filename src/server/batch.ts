import { show } from '../errors/show-value.js';
import type { ProblemStatus } from './problem.js';
import { readBytes } from './read-body.js';

/** The items of a `POST /v1/explain` body, or the problem with it. */
export type Batch = { items: unknown[] } | { status: ProblemStatus; detail: string };

/** The batch limits: bytes of body, items in it, characters of one item. */
export interface BatchLimits {
  batchBytes: number;
  batchItems: number;
  itemChars: number;
  /** How deep a JSON body may nest: the batch, an item, its `lines` (and `enhanced`). */
  jsonDepth: number;
}

const mediaTypes = new Set(['application/json', 'text/plain']);

/**
 * Reads a batch of replies: a JSON array (of what `explainItem` reads), or `text/plain` with one
 * reply per line. The body is read in chunks and abandoned past the byte limit, so a client
 * cannot make the service hold more than that; items are counted, and JSON nesting measured, in
 * one pass before anything is split or parsed, so a body past a limit costs no more than that pass.
 *
 * @example await readBatch(new Request(url, { method: 'POST', body: '550 x\n', headers }), limits) // { items: ['550 x'] }
 */
export async function readBatch(request: Request, limits: BatchLimits): Promise<Batch> {
  const contentType = request.headers.get('content-type') ?? '';
  const [mediaType = '', ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice(8);
  if (!mediaTypes.has(mediaType) || (charset !== undefined && charset.replaceAll('"', '') !== 'utf-8')) {
    return {
      status: 415,
      detail: `Content-Type ${show(contentType)} is not taken: send application/json or text/plain (UTF-8)`,
    };
  }
  const text = await readText(request, limits.batchBytes);
  if (typeof text !== 'string') return text;
  return mediaType === 'text/plain' ? textLines(text, limits) : jsonArray(text, limits);
}

function tooMany(limits: BatchLimits, count: string): Batch {
  return { status: 413, detail: `The batch has ${count} items; at most ${limits.batchItems} are taken` };
}

/** One item per line, cut as the text is walked: the count and each line's length are checked as they come. */
function textLines(text: string, limits: BatchLimits): Batch {
  const items: string[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (items.length === limits.batchItems) return tooMany(limits, `more than ${limits.batchItems}`);
    const length = end - start - (text.charCodeAt(end - 1) === 13 && end > start ? 1 : 0);
    if (length > limits.itemChars) {
      return {
        status: 400,
        detail: `Line ${items.length + 1} has ${length} characters; at most ${limits.itemChars} are read`,
      };
    }
    items.push(text.slice(start, start + length));
    start = end + 1;
  }
  return { items };
}

/** The index of the quote that closes the string opening at `at`, past escaped characters. */
function stringEnd(text: string, at: number): number {
  let index = at + 1;
  while (index < text.length) {
    const char = text.charCodeAt(index);
    if (char === 34) return index;
    index += char === 92 ? 2 : 1;
  }
  return index;
}

/**
 * The depth a JSON text nests to, and the commas of its top-level array (items less one),
 * counted in one pass without parsing; stops once either passes its limit.
 */
function measureJson(text: string, limits: BatchLimits): { depth: number; commas: number } {
  let depth = 0;
  let deepest = 0;
  let commas = 0;
  for (let at = 0; at < text.length && deepest <= limits.jsonDepth && commas < limits.batchItems; at++) {
    const char = text.charCodeAt(at);
    if (char === 34) at = stringEnd(text, at);
    else if (char === 91 || char === 123) deepest = Math.max(deepest, ++depth);
    else if (char === 93 || char === 125) depth--;
    else if (char === 44 && depth === 1) commas++;
  }
  return { depth: deepest, commas };
}

function jsonArray(text: string, limits: BatchLimits): Batch {
  const measured = measureJson(text, limits);
  if (measured.depth > limits.jsonDepth) {
    return {
      status: 400,
      detail: `The body nests deeper than ${limits.jsonDepth} levels (a batch, an item, its lines)`,
    };
  }
  if (measured.commas >= limits.batchItems) return tooMany(limits, `more than ${limits.batchItems}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { status: 400, detail: `The body is not JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(value)) {
    const type = value === null ? 'null' : typeof value;
    return { status: 400, detail: `The body must be a JSON array of replies, got ${type}` };
  }
  // The count above reads a top-level array; this one holds for any body.
  if (value.length > limits.batchItems) return tooMany(limits, String(value.length));
  return { items: value };
}

/** The body as UTF-8 text, or the problem: too large (`413`), or not UTF-8 (`400`). */
async function readText(request: Request, limit: number): Promise<string | { status: 400 | 413; detail: string }> {
  const bytes = await readBytes(request, limit);
  if (bytes === undefined) return { status: 413, detail: `The body is larger than ${limit} bytes` };
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { status: 400, detail: 'The body is not valid UTF-8' };
  }
}
