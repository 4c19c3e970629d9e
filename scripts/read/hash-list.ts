import { createHash } from 'node:crypto';

/** The name of the hash list beside the upstream pages, in `sha256sum` format. */
export const hashListName = 'SHA256SUMS';

const hashLine = /^([0-9a-f]{64}) [ *](.+)$/u;

/** The SHA-256 of a text's UTF-8 bytes, in lowercase hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads a `sha256sum` list into file name → hash, or the number of its first line that is not one.
 *
 * @example readHashList('ab…ef  fr.md\n').get('fr.md') // 'ab…ef'
 */
export function readHashList(text: string): Map<string, string> | { badLine: number } {
  const hashes = new Map<string, string>();
  for (const [index, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const match = hashLine.exec(line);
    if (match?.[1] === undefined || match[2] === undefined) return { badLine: index + 1 };
    hashes.set(match[2], match[1]);
  }
  return hashes;
}

/** What is wrong with a line of a hash list. */
export const hashLineProblem = 'not a sha256sum line ("<64 hex digits>  <file>")';

/**
 * `readHashList`, throwing an `Error` that names the file and line of the first line that is not one.
 *
 * @example parseHashList('SHA256SUMS', 'ab…ef  fr.md\n').get('fr.md') // 'ab…ef'
 */
export function parseHashList(file: string, text: string): Map<string, string> {
  const hashes = readHashList(text);
  if (hashes instanceof Map) return hashes;
  throw new Error(`${file}:${hashes.badLine}: ${hashLineProblem}`);
}

/**
 * Writes a `sha256sum` list sorted by file name (code unit order, as `LC_ALL=C sort`), so the
 * same pages always give the same bytes.
 *
 * @example renderHashList(new Map([['fr.md', 'ab…ef']])) // 'ab…ef  fr.md\n'
 */
export function renderHashList(hashes: ReadonlyMap<string, string>): string {
  const names = [...hashes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => `${hashes.get(name)}  ${name}\n`).join('');
}
