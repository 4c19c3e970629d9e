import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot, tempDir } from './temp-dir.ts';

const fixtures = join(projectRoot, 'test', 'fixtures', 'import');

/** The bytes of an importer fixture, e.g. `pages/de.md`. */
export function fixture(name: string): Buffer {
  return readFileSync(join(fixtures, name));
}

/** Where a language folder holds its .NET `SmtpStatusCode` page. */
export const smtpPage = (folder: string) => `${folder}/net/aspose.email.clients.smtp/smtpstatuscode/_index.md`;

/** What a checkout holds besides the .NET `SmtpStatusCode` pages: other platforms, other types. */
export const noise: Record<string, string> = {
  'english/java/com.aspose.email/smtpstatuscode/_index.md': 'noise/java-smtpstatuscode.md',
  'english/python-net/aspose.email.clients.smtp/smtpstatuscode/_index.md': 'noise/python-net-smtpstatuscode.md',
  'english/net/aspose.email.clients.smtp/smtpclient/_index.md': 'noise/smtpclient.md',
  'german/net/aspose.email.clients.smtp/smtpclient/_index.md': 'noise/smtpclient.md',
};

/** Miniature revisions of the upstream repository: path in the checkout → fixture. */
export const revisions = {
  /** Like fe361890634d (2022): all ten languages, an older English page, Spanish as `Spanish`. */
  older: {
    ...noise,
    [smtpPage('arabic')]: 'pages/ar.md',
    [smtpPage('chinese')]: 'pages/zh.md',
    [smtpPage('english')]: 'pages/en-older.md',
    [smtpPage('french')]: 'pages/fr.md',
    [smtpPage('german')]: 'pages/de.md',
    [smtpPage('italian')]: 'pages/it.md',
    [smtpPage('russian')]: 'pages/ru.md',
    [smtpPage('Spanish')]: 'pages/es.md',
    [smtpPage('swedish')]: 'pages/sv.md',
    [smtpPage('turkish')]: 'pages/tr.md',
  },
  /** Like d473ddaa4bd1 (2026): Chinese, English and Russian only; the English page changed. */
  recent: {
    ...noise,
    [smtpPage('chinese')]: 'pages/zh.md',
    [smtpPage('english')]: 'pages/en.md',
    [smtpPage('russian')]: 'pages/ru.md',
  },
} satisfies Record<string, Record<string, string>>;

/**
 * A checkout in a temporary folder: each path gets the named fixture's bytes, or the given
 * bytes; the folder is removed after the test.
 */
export function checkout(files: Record<string, string | { text: string | Buffer }>): string {
  const root = tempDir();
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof source === 'string' ? fixture(source) : source.text);
  }
  return root;
}
