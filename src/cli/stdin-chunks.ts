// stdin as the commands read it. A regular file (`smtp-status explain < mail.log`) is read in
// chunks by `readSync`: a file never makes a read wait for a writer, and Node's stream over it
// (an `fs.ReadStream`, a read on the thread pool and a callback for every 64 KiB) took about a
// sixth of the CPU time of explaining a mail log. Anything else (a pipe, a terminal, a socket)
// stays Node's stream, so a live log (`tail -f mail.log | smtp-status explain`) is answered as
// it comes and nothing blocks while output waits.
import { fstatSync, readSync } from 'node:fs';

/** Bytes of one read, as Node's streams read a file. */
const chunkBytes = 64 * 1024;

/**
 * The chunks of the file descriptor `fd` when it is a regular file, else `stream()` (called only
 * then, so that Node's `process.stdin` is not opened for a file).
 *
 * @example for await (const chunk of stdinChunks(0, () => process.stdin)) take(chunk)
 */
export function stdinChunks(
  fd: number,
  stream: () => AsyncIterable<Uint8Array | string>,
): AsyncIterable<Uint8Array | string> {
  let file = false;
  try {
    file = fstatSync(fd).isFile();
  } catch {
    // No such descriptor, or one fstat cannot read: the stream says what is wrong, if it is read.
  }
  return file ? fileChunks(fd) : stream();
}

/** A file's chunks from where the descriptor stands to its end; each a buffer of its own. */
async function* fileChunks(fd: number): AsyncGenerator<Uint8Array> {
  for (;;) {
    const chunk = Buffer.allocUnsafe(chunkBytes);
    const read = readSync(fd, chunk, 0, chunkBytes, null);
    if (read === 0) return;
    yield read === chunkBytes ? chunk : chunk.subarray(0, read);
  }
}
