// `node --import tsx bench/synthetic-checkout.ts [--keep]`: builds a synthetic checkout of the
// upstream repository the size of a full revision (about 147,000 files, 170 MB: ten language
// folders of .NET type and member pages, Java and Python pages under english/), runs
// `import-docs --dry-run` on it under /usr/bin/time -v, and prints the wall time and peak RSS.
// Not part of `npm test`; the figures go in the notes of the importer.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const pages = join(root, 'test', 'fixtures', 'import', 'pages');

/** Language folder → the fixture page of its SmtpStatusCode enumeration. */
const languages: Record<string, string> = {
  arabic: 'ar.md',
  chinese: 'zh.md',
  english: 'en.md',
  french: 'fr.md',
  german: 'de.md',
  italian: 'it.md',
  russian: 'ru.md',
  Spanish: 'es.md',
  swedish: 'sv.md',
  turkish: 'tr.md',
};

const namespaces = 60;
const typesPerNamespace = 24;
const membersPerType = 8;

/** A page of about the upstream's average size (1.16 KB): front matter, a heading, a table. */
function page(url: string, title: string): string {
  const rows = Array.from(
    { length: 8 },
    (_, index) => `| [Member${index}](./member${index}/) | Gets or sets the value of ${title} number ${index}. |`,
  );
  return [
    '---',
    `title: ${title}`,
    'second_title: Aspose.Email for .NET API Reference',
    `description: ${title}. Generated for the importer benchmark.`,
    'type: docs',
    'weight: 10',
    `url: ${url}`,
    '---',
    `## ${title}`,
    '',
    '| Name | Description |',
    '| --- | --- |',
    ...rows,
    '',
    '### Remarks',
    '',
    `The members of ${title} are listed in the order the assembly declares them; see the namespace page for the others.`,
    '',
  ].join('\n');
}

function write(path: string, text: string, count: { files: number; bytes: number }): void {
  writeFileSync(path, text);
  count.files += 1;
  count.bytes += Buffer.byteLength(text);
}

/** `<top>/<platform>/<namespace>/<type>/<member>/_index.md`, as the upstream lays out its pages. */
function platformTree(
  dir: string,
  url: string,
  shape: [number, number, number],
  count: { files: number; bytes: number },
) {
  const [spaces, types, members] = shape;
  for (let n = 0; n < spaces; n++) {
    const space = `aspose.email.namespace${n}`;
    mkdirSync(join(dir, space), { recursive: true });
    write(join(dir, space, '_index.md'), page(`${url}/${space}/`, `Namespace ${space}`), count);
    for (let t = 0; t < types; t++) {
      const type = `type${t}`;
      mkdirSync(join(dir, space, type));
      write(join(dir, space, type, '_index.md'), page(`${url}/${space}/${type}/`, `Class ${type}`), count);
      for (let m = 0; m < members; m++) {
        mkdirSync(join(dir, space, type, `member${m}`));
        const text = page(`${url}/${space}/${type}/member${m}/`, `${type}.Member${m} property`);
        write(join(dir, space, type, `member${m}`, '_index.md'), text, count);
      }
    }
  }
}

function generate(checkout: string): { files: number; bytes: number } {
  const count = { files: 0, bytes: 0 };
  for (const [folder, fixture] of Object.entries(languages)) {
    const net = join(checkout, folder, 'net');
    platformTree(
      net,
      folder === 'english' ? '/net' : `/${fixture.slice(0, 2)}/net`,
      [namespaces, typesPerNamespace, membersPerType],
      count,
    );
    const smtp = join(net, 'aspose.email.clients.smtp', 'smtpstatuscode');
    mkdirSync(smtp, { recursive: true });
    write(join(smtp, '_index.md'), readFileSync(join(pages, fixture), 'utf8'), count);
  }
  platformTree(join(checkout, 'english', 'java'), '/java', [50, 20, 7], count);
  platformTree(join(checkout, 'english', 'python-net'), '/python-net', [50, 20, 8], count);
  return count;
}

/** A figure of `/usr/bin/time -v`'s report. */
function figure(report: string, label: string): string {
  return new RegExp(`${label}: (.*)`, 'u').exec(report)?.[1]?.trim() ?? '?';
}

const checkout = mkdtempSync(join(tmpdir(), 'upstream-checkout-'));
const started = performance.now();
const { files, bytes } = generate(checkout);
process.stdout.write(
  `synthetic checkout: ${files} files, ${(bytes / 1e6).toFixed(0)} MB of pages, in ${checkout} (${((performance.now() - started) / 1000).toFixed(1)} s to write)\n`,
);
const du = spawnSync('du', ['-sh', '--apparent-size', checkout], { encoding: 'utf8' }).stdout.split('\t')[0];
process.stdout.write(`on disk (du --apparent-size, with folders): ${du}\n`);

const to = mkdtempSync(join(tmpdir(), 'upstream-pages-'));
const script = join(root, 'scripts', 'import-docs.ts');
for (const [what, args] of [
  ['node + tsx start-up (import-docs --help)', ['--help']],
  ['import-docs --dry-run', ['--from', checkout, '--to', to, '--dry-run']],
  ['import-docs --dry-run (again)', ['--from', checkout, '--to', to, '--dry-run']],
] as const) {
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', script, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  const summary = run.stdout.split('\n')[1] ?? '';
  process.stdout.write(
    `${what}: exit ${run.status}, wall ${figure(run.stderr, 'Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')}, ` +
      `peak RSS ${figure(run.stderr, 'Maximum resident set size \\(kbytes\\)')} kB${summary ? `; ${summary}` : ''}\n`,
  );
}

if (!process.argv.includes('--keep')) rmSync(checkout, { recursive: true, force: true });
rmSync(to, { recursive: true, force: true });
