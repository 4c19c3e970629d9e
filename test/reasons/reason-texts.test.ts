import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildProblem } from '../../scripts/build-problem.ts';
import { parsePage } from '../../scripts/parse/parse-page.ts';
import { ruleTable } from '../../scripts/reasons/rule-table.ts';
import { clientReasonIds } from '../../src/catalog/text-kinds.ts';
import { reasonIds } from '../../src/reasons/reason-ids.ts';
import { outcomeWords } from '../helpers/outcome-lexicon.ts';
import { projectTextsDir } from '../helpers/temp-dir.ts';

const columns = ['Reason', 'Why', 'Sender', 'Admin'] as const;
// Every language's page of a kind: a new language is checked without editing this test.
const pagesOf = (kind: 'reasons' | 'client') =>
  readdirSync(projectTextsDir)
    .filter((name) => name.endsWith(`.${kind}.md`))
    .map((name) => {
      const page = parsePage(join('docs/project/texts', name), readFileSync(join(projectTextsDir, name), 'utf8'));
      if (!('tree' in page)) throw new Error(`${page.file}:${page.line}: ${page.message}`);
      const problems: BuildProblem[] = [];
      const rows = ruleTable(page, columns, problems);
      return { name, lang: String(page.data.lang), rows, problems };
    });

// The reasons pages (every reason), and the client pages (the reasons a client error tells with
// texts of its own: docs/texts-style.md, "Client errors").
describe.each([
  ['reasons', reasonIds],
  ['client', clientReasonIds],
] as const)('the %s pages (docs/project/texts/<lang>.%s.md)', (kind, ids) => {
  const pages = pagesOf(kind);

  it('include the English page, which the other languages are written from, and one for every language', () => {
    expect(pages.map((page) => page.name)).toContain(`en.${kind}.md`);
    expect(pages.map((page) => page.lang).sort()).toEqual(
      pagesOf('reasons')
        .map((page) => page.lang)
        .sort(),
    );
  });

  it.each(pages.map((page) => [page.name, page] as const))(
    '%s has one row per reason id, each text filled in',
    (_, page) => {
      expect(page.problems).toEqual([]);
      expect(page.rows.map((row) => row.cells.Reason?.text)).toEqual([...ids]);
      for (const row of page.rows) {
        for (const column of columns.slice(1)) {
          const text = row.cells[column]?.text ?? '';
          expect(text.length, `${page.name}:${row.line} ${column}`).toBeGreaterThan(5);
          expect(text.length, `${page.name}:${row.line} ${column}`).toBeLessThanOrEqual(200);
        }
      }
    },
  );

  it.each(pages.map((page) => [page.name, page] as const))(
    '%s never says how the request ended: no term of the outcome lexicon in why or advice',
    (_, page) => {
      const found = page.rows.flatMap((row) =>
        columns
          .slice(1)
          .flatMap((column) =>
            outcomeWords(page.lang, row.cells[column]?.text ?? '', [
              'success',
              'temporary',
              'permanent',
              'outcome',
            ]).map((word) => `${page.name}:${row.line} ${column}: ${word}`),
          ),
      );
      expect(found).toEqual([]);
    },
  );
});

describe('the lexicon check', () => {
  it('catches a sentence that says the outcome (so the tests above can fail)', () => {
    expect(outcomeWords('en', 'The message was rejected; try again later.', ['temporary', 'outcome'])).not.toEqual([]);
  });
});
