// Chunks of bytes made one array: the one home of that loop, for the service's request bodies and
// the messages the CLI and the mbox reader collect.

/**
 * The chunks, in order, as one array.
 *
 * @example joinBytes([Uint8Array.of(1), Uint8Array.of(2, 3)]) // Uint8Array [1, 2, 3]
 */
export function joinBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const chunk of chunks) size += chunk.byteLength;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
