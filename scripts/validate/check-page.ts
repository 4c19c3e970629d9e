import type { z } from 'zod';
import type { GenericKey } from '../../src/catalog/locale-data.ts';
import { canonicalLanguage } from '../../src/catalog/negotiate-language.ts';
import { SmtpStatusCode, type SmtpStatusName, smtpStatusNames } from '../../src/catalog/smtp-status-code.ts';
import { show } from '../../src/errors/show-value.ts';
import { type CauseId, causeIds } from '../../src/replies/client-error.ts';
import type { BuildProblem } from '../build-problem.ts';
import type { RawRow, RawTable } from '../parse/find-tables.ts';
import { findTables, type PageTables } from '../parse/find-tables.ts';
import type { Page } from '../parse/parse-page.ts';
import {
  catalogRowSchema,
  causeRowSchema,
  enhancedRowSchema,
  type FrontMatter,
  frontMatterSchema,
  genericRowSchema,
} from './schemas.ts';

/** What one valid page contributes to its language's locale. */
export interface CheckedPage {
  file: string;
  lang: string;
  frontMatter: FrontMatter;
  codes?: Record<SmtpStatusName, string>;
  generic?: Record<GenericKey, string>;
  /** Enhanced status code texts, keyed and ordered as the registry lists them. */
  enhanced?: Record<string, string>;
  /** Texts for the causes of client errors, in the order of `causeIds`. */
  causes?: Record<CauseId, string>;
}

/**
 * The language of an API reference page without a language segment in its url: the site's
 * default. The page format is `[/<lang>]/<platform>/<namespace>/<type>/`, so the url alone says
 * whether a language segment is there.
 */
export const siteDefaultLanguage = 'en';

/** The language an Aspose `url:` names: its language segment, else the site's default. */
export function urlLanguage(url: string): string | undefined {
  const segments = url.split('/').filter(Boolean);
  if (segments.length === 4) return segments[0];
  return segments.length === 3 ? siteDefaultLanguage : undefined;
}

function issueMessages(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

/** The page's language: `lang:` if given, else the one Aspose's `url:` names. */
function pageLanguage(frontMatter: FrontMatter): { lang: string } | { error: string } {
  const raw = frontMatter.lang ?? urlLanguage(frontMatter.url ?? '');
  if (raw === undefined) {
    return {
      error:
        'no language: the front matter needs `lang:` or an API reference `url:` (/fr/net/<namespace>/<type>/, or /net/… for English)',
    };
  }
  const canonical = canonicalLanguage(raw);
  return canonical === undefined ? { error: `not a BCP 47 language tag: ${show(raw)}` } : { lang: canonical };
}

function checkCatalogTable(file: string, table: RawTable, problems: BuildProblem[]) {
  const report = (line: number, message: string) => problems.push({ file, line, message });
  if (table.columns !== 3) {
    report(table.line, `the table has ${table.columns} columns; expected 3: name | \`value\` | description`);
  }
  const codes = new Map<SmtpStatusName, string>();
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const name = row.cells[0]?.text ?? '';
    const first = seen.get(name);
    if (first !== undefined) {
      report(row.line, `duplicate row for "${name}" (first at line ${first})`);
      continue;
    }
    seen.set(name, row.line);
    const description = checkCatalogRow(row, report);
    if (description !== undefined) codes.set(name as SmtpStatusName, description);
  }
  for (const name of smtpStatusNames) {
    if (!seen.has(name))
      report(table.line, `missing member "${name}" (SmtpStatusCode.${name} = ${SmtpStatusCode[name]})`);
  }
  return codes.size === smtpStatusNames.length
    ? (Object.fromEntries(smtpStatusNames.map((name) => [name, codes.get(name)])) as Record<SmtpStatusName, string>)
    : undefined;
}

/** The description of a valid row; a problem for anything wrong with it. */
function checkCatalogRow(row: RawRow, report: (line: number, message: string) => void): string | undefined {
  const [name, value, description] = row.cells;
  if (row.cells.length !== 3) {
    report(row.line, `the row has ${row.cells.length} cells; expected 3: name | \`value\` | description`);
    return undefined;
  }
  const parsed = catalogRowSchema.safeParse({
    name: name?.text,
    value: value?.code ?? `not code: ${value?.text}`,
    description: description?.text,
  });
  if (!parsed.success) {
    report(row.line, `${name?.text || 'row'}: ${issueMessages(parsed.error)}`);
    return undefined;
  }
  const member = parsed.data.name;
  if (!Object.hasOwn(SmtpStatusCode, member)) {
    report(row.line, `unknown member "${member}": SmtpStatusCode has no such member`);
    return undefined;
  }
  const expected = SmtpStatusCode[member as SmtpStatusName];
  if (Number(parsed.data.value) !== expected) {
    report(row.line, `value mismatch: "${member}" is ${parsed.data.value} here but ${expected} in SmtpStatusCode`);
    return undefined;
  }
  return parsed.data.description;
}

/** What tells a two-column table of keyed texts (generic texts, enhanced codes) what it must hold. */
interface KeyedTableSpec<K extends string> {
  /** The columns, for messages: `reply class | description`. */
  columns: string;
  /** Every key the table must have, in output order. */
  keys: readonly K[];
  parse: (key: unknown, description: unknown) => z.ZodSafeParseResult<{ key: K | string; description: string }>;
  /** Messages for the keys the table lacks. */
  missing: (keys: readonly K[]) => string[];
  /** A message for a well-formed key that is not one of `keys`. */
  unknown?: (key: string) => string;
}

function checkKeyedTable<K extends string>(
  file: string,
  table: RawTable,
  spec: KeyedTableSpec<K>,
  problems: BuildProblem[],
): Record<K, string> | undefined {
  const report = (line: number, message: string) => problems.push({ file, line, message });
  if (table.columns !== 2) report(table.line, `the table has ${table.columns} columns; expected 2: ${spec.columns}`);
  const texts = new Map<string, { text: string; line: number }>();
  for (const row of table.rows) {
    if (row.cells.length !== 2) {
      report(row.line, `the row has ${row.cells.length} cells; expected 2: ${spec.columns}`);
      continue;
    }
    const [key, description] = row.cells;
    const parsed = spec.parse(key?.text, description?.text);
    if (!parsed.success) {
      report(row.line, `${key?.text || 'row'}: ${issueMessages(parsed.error)}`);
      continue;
    }
    const first = texts.get(parsed.data.key);
    if (first !== undefined) {
      report(row.line, `duplicate row for "${parsed.data.key}" (first at line ${first.line})`);
    } else if (!(spec.keys as readonly string[]).includes(parsed.data.key)) {
      report(row.line, spec.unknown?.(parsed.data.key) ?? `unknown key "${parsed.data.key}"`);
    } else {
      texts.set(parsed.data.key, { text: parsed.data.description, line: row.line });
    }
  }
  const missing = spec.keys.filter((key) => !texts.has(key));
  for (const message of spec.missing(missing)) report(table.line, message);
  return missing.length === 0
    ? (Object.fromEntries(spec.keys.map((key) => [key, texts.get(key)?.text])) as Record<K, string>)
    : undefined;
}

function checkGenericTable(file: string, table: RawTable, problems: BuildProblem[]) {
  return checkKeyedTable<GenericKey>(
    file,
    table,
    {
      columns: 'reply class | description',
      keys: genericRowSchema.shape.key.options,
      parse: (key, description) => genericRowSchema.safeParse({ key, description }),
      missing: (keys) => keys.map((key) => `missing generic text "${key}"`),
    },
    problems,
  );
}

function checkEnhancedTable(file: string, table: RawTable, registry: readonly string[], problems: BuildProblem[]) {
  return checkKeyedTable(
    file,
    table,
    {
      columns: 'code | description',
      keys: registry,
      parse: (key, description) => enhancedRowSchema.safeParse({ key, description }),
      missing: (keys) => (keys.length > 0 ? [`missing enhanced status code text(s): ${keys.join(', ')}`] : []),
      unknown: (key) => `"${key}" is not in the registry (docs/project/enhanced-registry.md)`,
    },
    problems,
  );
}

function checkCausesTable(file: string, table: RawTable, problems: BuildProblem[]) {
  return checkKeyedTable<CauseId>(
    file,
    table,
    {
      columns: 'cause | description',
      keys: causeIds,
      parse: (key, description) => causeRowSchema.safeParse({ key, description }),
      missing: (keys) => (keys.length > 0 ? [`missing cause text(s): ${keys.join(', ')}`] : []),
    },
    problems,
  );
}

/** Checks each kind of table a page holds (one of each at most); returns what they give. */
function checkTables(file: string, tables: PageTables, registry: readonly string[], problems: BuildProblem[]) {
  const kinds = [tables.catalog, tables.generic, tables.enhanced, tables.causes];
  for (const extra of kinds.flatMap((list) => list.slice(1))) {
    problems.push({ file, line: extra.line, message: 'a second table of the same kind on one page' });
  }
  const [catalogTable] = tables.catalog;
  const [genericTable] = tables.generic;
  const [enhancedTable] = tables.enhanced;
  const [causesTable] = tables.causes;
  const codes = catalogTable && checkCatalogTable(file, catalogTable, problems);
  const generic = genericTable && checkGenericTable(file, genericTable, problems);
  const enhanced = enhancedTable && checkEnhancedTable(file, enhancedTable, registry, problems);
  const causes = causesTable && checkCausesTable(file, causesTable, problems);
  return {
    ...(codes && { codes }),
    ...(generic && { generic }),
    ...(enhanced && { enhanced }),
    ...(causes && { causes }),
  };
}

function frontMatterLine(page: Page, key: string): number {
  const index = page.frontMatterLines.findIndex((line) => line.startsWith(`${key}:`));
  return index === -1 ? 1 : index + 2;
}

/**
 * Validates one page: its front matter, its language, and each table it holds against
 * `SmtpStatusCode`. Problems are appended to `problems`; a page with any problem yields nothing.
 *
 * @example checkPage(page, problems)?.lang // 'fr'
 */
export function checkPage(page: Page, problems: BuildProblem[], registry: readonly string[]): CheckedPage | undefined {
  const before = problems.length;
  const frontMatter = frontMatterSchema.safeParse(page.data);
  if (!frontMatter.success) {
    for (const issue of frontMatter.error.issues) {
      const key = String(issue.path[0] ?? '');
      problems.push({
        file: page.file,
        line: frontMatterLine(page, key),
        message: `front matter ${key}: ${issue.message}`,
      });
    }
    return undefined;
  }
  const language = pageLanguage(frontMatter.data);
  if ('error' in language) {
    const line = frontMatterLine(page, frontMatter.data.lang === undefined ? 'url' : 'lang');
    problems.push({ file: page.file, line, message: language.error });
    return undefined;
  }
  const tables = findTables(page);
  if ([tables.catalog, tables.generic, tables.enhanced, tables.causes].every((list) => list.length === 0)) {
    problems.push({
      file: page.file,
      line: page.bodyLine + 1,
      message:
        'no table: expected rows of `| MemberName | `value` | description |` (or `| 5xx | description |`, `| X.1.1 | description |`, `| timeout | description |`)',
    });
    return undefined;
  }
  const checked = checkTables(page.file, tables, registry, problems);
  if (problems.length > before) return undefined;
  return {
    file: page.file,
    lang: language.lang,
    frontMatter: frontMatter.data,
    ...checked,
  };
}
