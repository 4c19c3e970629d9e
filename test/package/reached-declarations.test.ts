// Which declarations ship (scripts/reached-declarations.ts): those an export's `types` reach, as
// the compiler resolves them (a TypeScript program each: timeouts.typeCheck), over a small
// package written here.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reachedDeclarations } from '../../scripts/reached-declarations.ts';
import * as timeouts from '../helpers/timeouts.ts';

const work = mkdtempSync(join(tmpdir(), 'smtp-status-i18n-declarations-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Writes a package: its exports and its `dist/` declarations, by path. */
function writePackage(name: string, exports: unknown, files: Record<string, string>): string {
  const root = join(work, name);
  for (const [path, text] of Object.entries({ 'package.json': JSON.stringify({ exports }), ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('reachedDeclarations', () => {
  it('follows imports, re-exports and import() types from every types target, wildcards expanded; leaves the rest', {
    timeout: timeouts.typeCheck,
  }, () => {
    const root = writePackage(
      'reach',
      {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './locales/*': { import: { types: './dist/locales/*.d.ts', default: './dist/locales/*.js' } },
        './data.json': './dist/data.json',
      },
      {
        'dist/index.d.ts':
          "export type { Shape } from './shape.js';\nexport declare const x: import('./inline.js').Inline;\n",
        'dist/shape.d.ts': "import type { Deep } from './deep/deep.js';\nexport interface Shape { deep: Deep }\n",
        'dist/deep/deep.d.ts': 'export type Deep = string;\n',
        'dist/inline.d.ts': 'export type Inline = number;\n',
        'dist/locales/fr.d.ts': "import type { Shape } from '../shape.js';\nexport declare const fr: Shape;\n",
        'dist/locales/de.d.ts': 'export declare const de: string;\n',
        'dist/cli.d.ts': "import type { Shape } from './shape.js';\nexport declare const cli: Shape;\n",
        'dist/internal/openapi.d.ts': 'export declare const doc: { readonly big: true };\n',
      },
    );
    expect([...reachedDeclarations(root, join(root, 'dist'))].sort()).toEqual([
      'deep/deep.d.ts',
      'index.d.ts',
      'inline.d.ts',
      'locales/de.d.ts',
      'locales/fr.d.ts',
      'shape.d.ts',
    ]);
  });

  it('refuses an export whose types file does not exist, naming it', { timeout: timeouts.typeCheck }, () => {
    const root = writePackage(
      'missing',
      { '.': { types: './dist/index.d.ts' }, './gone': { types: './dist/gone.d.ts' } },
      { 'dist/index.d.ts': 'export declare const x: 1;\n' },
    );
    expect(() => reachedDeclarations(root, join(root, 'dist'))).toThrow(
      'package.json exports ./dist/gone.d.ts: no such file',
    );
  });
});
