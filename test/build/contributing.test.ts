// CONTRIBUTING.md stays true: its links lead somewhere, its steps are the commands' own (each
// command prints the next from scripts/next-steps.ts), and every npm script it names exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { steps } from '../../scripts/next-steps.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

const guide = readFileSync(join(projectRoot, 'CONTRIBUTING.md'), 'utf8');
const scripts = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).scripts as Record<string, string>;

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replaceAll(' ', '-');

function anchorsOf(text: string): string[] {
  return [...text.matchAll(/^#{1,6} (.+)$/gmu)].map((match) => anchor(match[1] ?? ''));
}

describe('CONTRIBUTING.md', () => {
  it('links only to files and headings that exist', () => {
    const links = [...guide.matchAll(/\]\(([^)\s]+)\)/gu)].map((match) => match[1] ?? '');
    expect(links.length).toBeGreaterThan(10);
    for (const link of links.filter((target) => !/^https?:/u.test(target))) {
      const [path = '', hash] = link.split('#');
      const file = path === '' ? join(projectRoot, 'CONTRIBUTING.md') : join(projectRoot, path);
      expect(existsSync(file), link).toBe(true);
      if (hash !== undefined) expect(anchorsOf(readFileSync(file, 'utf8')), link).toContain(hash);
    }
  });

  it('lists the steps in the order the commands print them', () => {
    const section = guide.slice(guide.indexOf('## The steps'), guide.indexOf('## Add a language'));
    const listed = [...section.matchAll(/^\d+\. `([^`]+)`/gmu)].map((match) => match[1]);
    expect(listed).toEqual(Object.values(steps));
  });

  it('names only npm scripts that exist', () => {
    const named = [...guide.matchAll(/`npm run ([\w:-]+)/gu)].map((match) => match[1] ?? '');
    expect(named.length).toBeGreaterThan(5);
    for (const name of named) expect(Object.keys(scripts), name).toContain(name);
  });
});
