import { basename } from 'node:path';
import { type TextKind, textKinds } from '../../src/catalog/text-kinds.ts';
import type { Page } from './parse-page.ts';

/**
 * What a page holds: upstream's enumeration (`'codes'`, an Aspose page, whatever its name), the
 * project's errata, or one kind of the project's texts.
 */
export type PageKind = { name: 'codes' } | { name: 'errata' } | TextKind;

const kindNames = new Map<string, PageKind>([
  ['codes', { name: 'codes' }],
  ['errata', { name: 'errata' }],
  ...textKinds.map((kind): [string, PageKind] => [kind.name, kind]),
]);

/**
 * A page's kind, from its front matter (`kind: causes`), else its file name (`fr.causes.md`,
 * `errata.md`), else the enumeration: never guessed from its cells. A problem for a `kind:` that
 * names no kind.
 *
 * @example pageKind(page).name // 'causes' for docs/project/texts/fr.causes.md
 */
export function pageKind(page: Page): PageKind | { error: string } {
  const declared = page.data.kind;
  if (declared !== undefined) {
    const kind = typeof declared === 'string' ? kindNames.get(declared) : undefined;
    return kind ?? { error: `front matter kind: not a page kind; expected one of ${[...kindNames.keys()].join(', ')}` };
  }
  const parts = basename(page.file, '.md').split('.');
  if (parts.length === 1) return parts[0] === 'errata' ? { name: 'errata' } : { name: 'codes' };
  const suffix = parts.at(-1) ?? '';
  return (
    kindNames.get(suffix) ?? {
      error: `file name: "${suffix}" is not a page kind; name a page <lang>.<kind>.md with a kind of ${[...kindNames.keys()].join(', ')}, or <lang>.md for an upstream page`,
    }
  );
}
