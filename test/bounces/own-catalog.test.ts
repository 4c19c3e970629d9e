// createBounceExplainer over a catalog of one's own: a catalog no language was registered in is a
// setup to fix, said as the catalog says it, never a report read as "no report".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBounceExplainer } from '../../src/bounce.ts';
import { createCatalog, type LocaleData } from '../../src/core.ts';
import { localeFile } from '../helpers/locale-files.ts';
import { projectRoot } from '../helpers/temp-dir.ts';

const report = readFileSync(join(projectRoot, 'test', 'fixtures', 'bounces', 'postfix.eml'));

describe('createBounceExplainer over a catalog of your own', () => {
  it('rejects a report with the catalog’s own error when no language was registered', async () => {
    await expect(createBounceExplainer(createCatalog())(report, 'fr')).rejects.toThrow(/^No locale is registered/u);
  });

  it('still gives undefined for a message that is no report, whatever the catalog holds', async () => {
    expect(
      await createBounceExplainer(createCatalog())('Subject: hello\r\n\r\nJust a note.\r\n', 'fr'),
    ).toBeUndefined();
  });

  it('explains the report once a language is registered', async () => {
    const catalog = createCatalog([localeFile('fr') as unknown as LocaleData]);
    const explained = await createBounceExplainer(catalog)(report, 'fr');
    expect(explained?.recipients.length).toBeGreaterThan(0);
    expect(explained?.recipients.every((recipient) => recipient.lang === 'fr')).toBe(true);
  });
});
