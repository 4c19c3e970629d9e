import { show } from '../errors/show-value.js';
import type { ProblemStatus } from './problem.js';

/** The items of a `POST /v1/explain` body, or the problem with it. */
export type Batch = { items: unknown[] } | { status: ProblemStatus; detail: string };

/** The batch limits: bytes of body, items in it. */
export interface BatchLimits {
  batchBytes: number;
  batchItems: number;
}

const mediaTypes = new Set(['application/json', 'text/plain']);

/**
 * Reads a batch of replies: a JSON array (of anything `explain` takes), or `text/plain` with one
 * reply per line. The body is read in chunks and abandoned past the byte limit, so a client
 * cannot make the service hold more than that.
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
  const items = mediaType === 'text/plain' ? lines(text) : parseJsonArray(text);
  if (!Array.isArray(items)) return items;
  if (items.length > limits.batchItems) {
    return { status: 413, detail: `The batch has ${items.length} items; at most ${limits.batchItems} are taken` };
  }
  return { items };
}

function lines(text: string): string[] {
  const all = text.split(/\r?\n/u);
  if (all.at(-1) === '') all.pop();
  return all;
}

function parseJsonArray(text: string): unknown[] | { status: 400; detail: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { status: 400, detail: `The body is not JSON: ${(error as Error).message}` };
  }
  if (Array.isArray(value)) return value;
  const type = value === null ? 'null' : typeof value;
  return { status: 400, detail: `The body must be a JSON array of replies, got ${type}` };
}

/** The body as UTF-8 text, or the problem: too large (`413`), or not UTF-8 (`400`). */
async function readText(request: Request, limit: number): Promise<string | { status: 400 | 413; detail: string }> {
  const tooLarge = { status: 413 as const, detail: `The body is larger than ${limit} bytes` };
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) return tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return tooLarge;
      }
      chunks.push(chunk.value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { status: 400, detail: 'The body is not valid UTF-8' };
  }
}
