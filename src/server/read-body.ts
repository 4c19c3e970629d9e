// Reading a request body under a size limit: the one place the service takes client bytes.
import { joinBytes } from '../inputs/join-bytes.js';

/**
 * The body's bytes, or `undefined` when it is larger than `limit` bytes: a declared
 * `Content-Length` past the limit is refused before any byte is read, and a body that grows past
 * it is cancelled there, so no more than `limit` bytes are ever held.
 *
 * @example await readBytes(c.req.raw, 1024) // Uint8Array(…) or undefined
 */
export async function readBytes(request: Request, limit: number): Promise<Uint8Array | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body !== null) {
    const reader = request.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return undefined;
      }
      chunks.push(chunk.value);
    }
  }
  return joinBytes(chunks);
}
