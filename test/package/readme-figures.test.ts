// The README's figures stay true: each measured figure is quoted from BENCHMARKS.md (written by
// `npm run bench`; its Package section is checked against `npm pack` by the tarball's test), and
// each count or list it gives is compared with the package's own data here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { causeIds, explain, SmtpStatusCode } from '../../src/index.ts';
import { limits, openApiDocument } from '../../src/server/openapi.ts';
import { defaultMaxBytes } from '../../src/server/routes/bounces.ts';
import { localeFiles } from '../helpers/locale-files.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const benchmarks = readFileSync(join(projectRoot, 'BENCHMARKS.md'), 'utf8');

/** A measured figure: a number with a unit of time, size or ratio (`3.7 ms`, `3642 B`, `1.60×`, `335.0 kB`). */
const measured = /(?<![\w.,])\d[\d,.]*(?:\s?(?:ns|ms|kB|MB|B)\b|×)/gu;

describe("the README's figures", () => {
  it('quotes every measured figure from BENCHMARKS.md, as it is written there', () => {
    const figures = [...readme.matchAll(measured)].map((match) => match[0]);
    // The README quotes a few (a ratio, a bundle size, the tarball's sizes): the test reads them all.
    expect(figures.length).toBeGreaterThanOrEqual(3);
    for (const figure of figures) expect(benchmarks, figure).toContain(figure);
    // The check itself: a figure typed by hand is caught, a queue id is no figure.
    expect('adds 7 to 9.5 ms, 3.6 kB and 1.3×'.match(measured)).toEqual(['9.5 ms', '3.6 kB', '1.3×']);
    expect('postfix/smtp[12345]: 9F2A1C0A2B: to=<user@acme.example>'.match(measured)).toBeNull();
  });

  it('quotes the tarball sizes of the Package section', () => {
    const packed = /\*\*([\d.]+ kB) packed\*\* and \*\*([\d.]+ kB) unpacked\*\*/u.exec(benchmarks);
    expect(packed, 'BENCHMARKS.md has a Package section (npm run bench:package)').not.toBeNull();
    expect(readme.replace(/\s+/gu, ' ')).toContain(`${packed?.[2]} (${packed?.[1]} to download)`);
  });

  it('counts the members of the enumeration and the shipped languages as the data does', () => {
    const members = Object.keys(SmtpStatusCode).length;
    expect(readme).toContain(`The descriptions of the ${members} members of the \`SmtpStatusCode\` enumeration`);
    // The languages it names are checked against the data by test/build/upstream-pages.test.ts.
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];
    expect(readme.replace(/\s+/gu, ' ')).toContain(`in ${words[localeFiles.length] ?? localeFiles.length} languages`);
  });

  it('lists every cause of a client error, retryable or not as explain says, and no other', () => {
    const paragraph = readme.slice(readme.indexOf('The causes: '), readme.indexOf('`causeIds` lists them'));
    const [retryable = '', final = ''] = paragraph.split('(retryable);');
    const ids = (text: string) => [...text.matchAll(/`([a-z-]+)`/gu)].map((match) => match[1]).sort();
    expect([...ids(retryable), ...ids(final)].sort()).toEqual([...causeIds].sort());
    const codes: Record<string, object> = {
      'connection-refused': { code: 'ECONNREFUSED' },
      timeout: { code: 'ETIMEDOUT' },
      'auth-failed': { code: 'EAUTH' },
      'requiretls-unsupported': { code: 'EREQUIRETLS' },
    };
    for (const [id, error] of Object.entries(codes)) {
      const explained = explain(error);
      expect(explained.cause?.id).toBe(id);
      expect(ids(retryable).includes(id), id).toBe(explained.retryable);
    }
  });
});

describe('the README as a front door', () => {
  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
  const slug = (heading: string) =>
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/gu, '-');
  const headings = [...readme.matchAll(/^(#{2,4}) (.+)$/gmu)].map((match) => ({
    level: match[1]?.length ?? 0,
    text: match[2] ?? '',
  }));

  it('opens with the two commands, then keeps the sections in the fixed order, each listed in Contents', () => {
    expect(readme).toMatch(
      /^# smtp-status-i18n\n\n```sh\nnpm install && npx smtp-status 550 --lang fr .*\nnpm install && npm test .*\n```\n/u,
    );
    const order = [
      'Contents',
      'What is this?',
      'When should I use this?',
      'Install',
      'Use',
      'API',
      'Types',
      'Compatibility',
      'Security',
      'Related',
      'Contribute',
      'License',
    ];
    expect(headings.filter((heading) => heading.level === 2).map((heading) => heading.text)).toEqual(order);
    const contents = readme.slice(readme.indexOf('## Contents'), readme.indexOf('## What is this?'));
    for (const section of order.slice(1)) expect(contents).toContain(`](#${slug(section)})`);
    expect(slug('Bounces: `smtp-status-i18n/bounce`')).toBe('bounces-smtp-status-i18nbounce');
  });

  it('links only to sections it has', () => {
    const anchors = new Set(headings.map((heading) => slug(heading.text)));
    const links = [...readme.matchAll(/\]\(#([^)]+)\)/gu)].map((match) => match[1] ?? '');
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((link) => !anchors.has(link))).toEqual([]);
  });

  it('leaves maintainer material to CONTRIBUTING.md', () => {
    expect(readme).toContain('[CONTRIBUTING.md](CONTRIBUTING.md)');
    // The build and import commands are the guide's: the README names the build once, where it points to the guide.
    const outside = readme.slice(0, readme.indexOf('## Contribute')) + readme.slice(readme.indexOf('## License'));
    for (const command of ['build:locales', 'import:docs', 'SHA256SUMS']) expect(outside).not.toContain(command);
  });
});

describe("the README's HTTP service", () => {
  const section = readme.slice(readme.indexOf('### HTTP service'), readme.indexOf('#### Deploying'));

  it('lists every operation of the OpenAPI document (its assets aside) in its table', () => {
    const operations = Object.entries(openApiDocument.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `\`${method.toUpperCase()} ${path}`),
    );
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations.filter((name) => !name.includes('/assets/'))) {
      expect(section, operation).toContain(operation);
    }
  });

  it('states the service’s limits as the service applies them', () => {
    const mib = (bytes: number) => `${bytes / 1024 / 1024} MiB`;
    const text = section.replace(/\s+/gu, ' ');
    expect(text).toContain(
      `at most ${limits.batchItems.toLocaleString('en')} items of ${limits.itemChars.toLocaleString('en')} characters and ${limits.replyLines} lines each, and ${mib(limits.batchBytes)}`,
    );
    expect(text).toContain(`a URL over ${limits.url.toLocaleString('en')} characters`);
    expect(text).toContain(
      `\`POST /v1/bounces\` | one whole email as the body (\`message/rfc822\` or \`message/global\`), at most ${mib(defaultMaxBytes)}`,
    );
  });
});
