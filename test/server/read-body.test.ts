// Reading a request body under a size limit: what is larger is refused, and a body that grows
// past the limit is cancelled there (its source is not read to the end).
import { describe, expect, it } from 'vitest';
import { readBytes } from '../../src/server/read-body.ts';

/** A request whose body arrives in the given chunks, with no Content-Length; `pulled` counts the chunks read. */
function streamed(chunks: Uint8Array[]) {
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[state.pulled++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  const request = new Request('http://localhost/v1/explain', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { request, state };
}

describe('readBytes', () => {
  it('joins the chunks of a body within the limit', async () => {
    const { request } = streamed([Uint8Array.of(1, 2), Uint8Array.of(3)]);
    expect(await readBytes(request, 3)).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('cancels a body that grows past the limit, at the chunk that passes it', async () => {
    const { request, state } = streamed([new Uint8Array(4), new Uint8Array(4), new Uint8Array(4), new Uint8Array(4)]);
    expect(await readBytes(request, 6)).toBeUndefined();
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(4);
  });

  it('refuses a declared Content-Length past the limit before reading a byte', async () => {
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: 'x'.repeat(10),
      headers: { 'content-length': '10' },
    });
    expect(await readBytes(request, 9)).toBeUndefined();
    expect(request.bodyUsed).toBe(false);
  });

  it('reads no body as no bytes', async () => {
    expect(await readBytes(new Request('http://localhost/', { method: 'POST' }), 9)).toEqual(new Uint8Array(0));
  });
});
