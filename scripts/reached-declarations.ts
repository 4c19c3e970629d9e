/**
 * The declarations a user's TypeScript can reach: those the `types` of package.json's exports
 * name, and every file they import, as the compiler itself resolves them. tsc writes one `.d.ts`
 * per module; the CLI's, the service's internals' and the build internals' are read by no one
 * (dist/server/openapi.d.ts alone, the inferred type of a large literal, was 58 kB).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/** An export map's `types` targets, at any depth of conditions (`./dist/locales/*.d.ts` kept as a pattern). */
function typesTargets(exports: unknown, under = false): string[] {
  if (typeof exports === 'string') return under ? [exports] : [];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.entries(exports).flatMap(([key, value]) => typesTargets(value, under || key === 'types'));
}

/**
 * The `.d.ts` files under `dist` (paths relative to it, with `/`) that the exported types load.
 *
 * @example reachedDeclarations(root, join(root, 'dist')).has('server/openapi.d.ts') // false
 */
export function reachedDeclarations(root: string, dist: string): Set<string> {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: unknown };
  const declarations = readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.d.ts'))
    .map((path) => path.split(sep).join('/'));
  const entries = typesTargets(manifest.exports).flatMap((target) => {
    const path = target.replace(/^\.\/dist\//u, '');
    if (!path.includes('*')) {
      if (!declarations.includes(path)) throw new Error(`package.json exports ${target}: no such file`);
      return [path];
    }
    const [before = '', after = ''] = path.split('*');
    return declarations.filter(
      (file) => file.startsWith(before) && file.endsWith(after) && file.length > before.length + after.length,
    );
  });
  const program = ts.createProgram(
    entries.map((path) => join(dist, path)),
    {
      noEmit: true,
      types: [],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
    },
  );
  return new Set(
    program
      .getSourceFiles()
      .map((file) => relative(dist, file.fileName).split(sep).join('/'))
      .filter((path) => !path.startsWith('..') && path.endsWith('.d.ts')),
  );
}
