// `npm run bench:package`: what ships, as `npm pack --dry-run --json` reports it (builds first):
// packed and unpacked bytes, by kind of file, and the files that hold each language's texts.
// Writes its own section of BENCHMARKS.md (bench/sections.ts); test/package checks the bounds.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocaleJson } from '../test/helpers/locale-files.ts';
import { filesHolding, packDryRun } from '../test/helpers/package-contents.ts';
import { writeSection } from './sections.ts';

const root = join(import.meta.dirname, '..');
const report = packDryRun(root);
const locales: LocaleJson[] = readdirSync(join(root, 'locales'))
  .filter((name) => name.endsWith('.json') && name !== 'locale.schema.json')
  .map((name) => JSON.parse(readFileSync(join(root, 'locales', name), 'utf8')));

/** Each shipped file's kind, in the order the table lists them. */
const kinds: [string, RegExp][] = [
  [
    'language data, once: JSON parts read by JavaScript and other tools alike (`dist/locales/<lang>.<part>.json`, `dist/locale.schema.json`)',
    /^dist\/(?:locales\/[^/]+|locale\.schema)\.json$/u,
  ],
  ['declarations (`.d.ts`)', /\.d\.ts$/u],
  ['code (`dist/**/*.js`)', /^dist\/.*\.js$/u],
  ['README, SECURITY, LICENSE, package.json', /./u],
];
const bytes = new Map(kinds.map(([name]) => [name, { size: 0, files: 0 }]));
for (const file of report.files) {
  const [name] = kinds.find(([, pattern]) => pattern.test(file.path)) ?? ['?'];
  const entry = bytes.get(name);
  if (entry) {
    entry.size += file.size;
    entry.files += 1;
  }
}
const kB = (value: number) => `${(value / 1000).toFixed(1)} kB`;
const copies = locales.map((locale) => filesHolding(report, root, locale).length);
const lines = [
  '## Package',
  '',
  `\`npm pack --dry-run --json\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, after \`npm run build\`): the tarball is **${kB(report.packed)} packed** and **${kB(report.unpacked)} unpacked**, ${report.files.length} files.`,
  '',
  '| Files | count | unpacked |',
  '| --- | ---: | ---: |',
  ...kinds.map(([name]) => `| ${name} | ${bytes.get(name)?.files ?? 0} | ${kB(bytes.get(name)?.size ?? 0)} |`),
  '',
  `Files holding a language's texts (its longest text of each kind, looked for in every shipped file but the README and SECURITY.md): ${Math.min(...copies) === Math.max(...copies) ? Math.min(...copies) : `${Math.min(...copies)} to ${Math.max(...copies)}`} per language, for ${locales.length} languages.`,
];
process.stdout.write(`${lines.join('\n')}\n`);
writeSection('package', 'bench/package.ts', lines);
