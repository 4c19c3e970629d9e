import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A file the layout points at, as a path inside the checkout (`/`-separated) and on disk. */
export interface Candidate {
  path: string;
  file: string;
}

/** A candidate the import does not take, and why. */
export interface Skipped {
  path: string;
  reason: string;
}

/** The platform folder of the .NET reference (`english/net/…`); `java`, `python-net`… are others. */
const dotNetPlatform = 'net';
/** The folder of the type's page, as Aspose lowercases type names. */
const typeFolder = 'smtpstatuscode';
const pageName = '_index.md';

const same = (name: string, wanted: string) => name.toLowerCase() === wanted;

/** The entries of a folder, sorted by name; dot folders (`.git`, `.github`) are not the reference. */
function entries(dir: string): Dirent[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// Symbolic links are neither followed nor taken: a checkout's pages are plain files in plain folders.
const folders = (dir: string) => entries(dir).filter((entry) => entry.isDirectory());

/** The page file of a `smtpstatuscode` folder, or why there is none to take. */
function pageIn(dir: string): { name: string } | { reason: string } {
  const page = entries(dir).find((entry) => same(entry.name, pageName));
  if (page === undefined) return { reason: `no ${pageName} in the folder` };
  if (!page.isFile()) return { reason: `${pageName} is not a regular file` };
  return { name: page.name };
}

/** The folders `<language>/<platform>/<namespace>/smtpstatuscode` of a checkout, as path segments. */
function typeFolders(root: string): string[][] {
  const below = (segments: string[]) => folders(join(root, ...segments)).map((entry) => [...segments, entry.name]);
  return below([])
    .flatMap(below)
    .flatMap(below)
    .flatMap(below)
    .filter((segments) => same(segments[3] ?? '', typeFolder));
}

/**
 * Finds the .NET `SmtpStatusCode` pages of an upstream checkout by their place in its layout,
 * `<language>/net/<namespace>/smtpstatuscode/_index.md` (folder names in any case), reading no
 * file and listing only the folders of that depth: a full checkout holds some 147,000 pages of
 * other types below them. The same place under another platform (`english/java/…`) is listed
 * as skipped.
 *
 * @example findPages('/src/Aspose.Email-API-References').candidates[0]?.path
 * // 'chinese/net/aspose.email.clients.smtp/smtpstatuscode/_index.md'
 */
export function findPages(root: string): { candidates: Candidate[]; skipped: Skipped[] } {
  const candidates: Candidate[] = [];
  const skipped: Skipped[] = [];
  for (const segments of typeFolders(root)) {
    const found = pageIn(join(root, ...segments));
    const name = 'name' in found ? found.name : pageName;
    const path = [...segments, name].join('/');
    const platform = segments[1] ?? '';
    if ('reason' in found) {
      skipped.push({ path, reason: found.reason });
    } else if (!same(platform, dotNetPlatform)) {
      skipped.push({ path, reason: `platform "${platform}", not .NET (net)` });
    } else {
      candidates.push({ path, file: join(root, ...segments, name) });
    }
  }
  return { candidates, skipped };
}
