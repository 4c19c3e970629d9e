import { z } from 'zod';
import { enhancedKeyPattern } from '../../src/catalog/locale-data.ts';
import { canonicalLanguage } from '../../src/catalog/negotiate-language.ts';
import { type SmtpStatusName, smtpStatusNames } from '../../src/catalog/smtp-status-code.ts';
import { isKindKey, localeKinds, pageKind, type TextKind } from '../../src/catalog/text-kinds.ts';
import { textProblem } from '../../src/catalog/validate-locale.ts';

/** The front matter fields the build reads; Aspose's other fields (type, weight…) pass through. */
export const frontMatterSchema = z.looseObject({
  title: z.string().optional(),
  second_title: z.string().optional(),
  // Older English pages leave it empty (`description:`), which YAML reads as null.
  description: z
    .string()
    .nullish()
    .transform((value) => value || undefined),
  url: z.string().optional(),
  lang: z.string().optional(),
  author: z.string().optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** The messages of a zod error, joined. */
export function issueMessages(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

// The run-time rule for texts (src/catalog/validate-locale.ts), so the build refuses what
// registerLocale would.
const text = z
  .string()
  .min(1, 'empty description')
  .check((context) => {
    const problem = textProblem(context.value);
    if (problem !== undefined)
      context.issues.push({ code: 'custom', message: `${problem} in description`, input: context.value });
  });

/** One row of the enumeration table, from its three cells. */
export const catalogRowSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/u, 'not a member name'),
  value: z.string().regex(/^-?\d+$/u, 'the value must be an integer in inline code, e.g. `550`'),
  description: text,
});

/**
 * One row of a table of one kind of the project's texts (src/catalog/text-kinds.ts): a key of
 * the kind and its text.
 *
 * @example kindRowSchema(causesKind).safeParse({ key: 'time-out', description: '…' }).success // false
 */
export function kindRowSchema(kind: TextKind) {
  return z.object({
    key: z.string().refine((key) => isKindKey(kind, key), `not ${kind.keyHint}`),
    // The page's words are labels; every other kind is sentences, 200 characters at most.
    texts: z.array(kind.name === 'page' ? text : sentence),
  });
}

/** Characters a sentence of the project's texts may have (docs/texts-style.md, "Sentence shape"). */
export const longestSentence = 200;

/** A text that is a sentence: a text of at most `longestSentence` characters (code points). */
const sentence = text.check((context) => {
  const length = [...context.value].length;
  if (length > longestSentence)
    context.issues.push({
      code: 'custom',
      message: `${length} characters, more than the ${longestSentence} a sentence may have (docs/texts-style.md)`,
      input: context.value,
    });
});

/** One row of the registry page: code, the registry's summary, its reference. */
export const registryRowSchema = z.object({
  key: z.string().regex(enhancedKeyPattern, 'not an enhanced status code key (5.X.X, X.1.X or X.1.1)'),
  summary: z.string().min(1, 'empty summary'),
  reference: z.string().min(1, 'empty reference'),
  usedWith: z.string().min(1, 'empty "used with": the basic reply codes, `Any`, `Not given` or `-`'),
});

/** One row of the errata page: which upstream text it corrects, into what, and why. */
export const erratumRowSchema = z.object({
  lang: z
    .string()
    .transform((tag) => canonicalLanguage(tag) ?? '')
    .refine((tag) => tag !== '', 'not a BCP 47 language tag'),
  member: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/u, 'not a member name'),
  upstream: z.string().min(1, 'empty upstream text'),
  corrected: text,
  reason: z.string().min(1, 'empty reason: say why the upstream text is wrong'),
});

// Named: the JSON Schema writes each once, under `$defs` by this name, and refers to it.
const entry = z.string().min(1).meta({ id: 'text', description: 'A text a person reads: not empty.' });

/** The schema of a text with fields (`why`, `sender`, `admin`), one per set of fields, named by them. */
const fieldSchemas = new Map<string, z.ZodType>();
function fieldsSchema(fields: readonly string[]): z.ZodType {
  const id = fields.join('-');
  let schema = fieldSchemas.get(id);
  if (schema === undefined) {
    schema = z.strictObject(Object.fromEntries(fields.map((field) => [field, entry]))).meta({ id });
    fieldSchemas.set(id, schema);
  }
  return schema;
}

/** Each kind's texts as the locale file holds them: the object `registerLocale` takes. */
function kindSchemas<Kind extends TextKind>(kinds: readonly Kind[]) {
  return Object.fromEntries(
    kinds.map((kind) => {
      const keys = kind.keys;
      const value = kind.fields ? fieldsSchema(kind.fields) : entry;
      const schema = Array.isArray(keys)
        ? z.strictObject(Object.fromEntries(keys.map((key) => [key, kind.registerWhole ? value : value.optional()])))
        : z.record(z.string().regex(keys as RegExp), value);
      return [kind.name, schema.optional().describe(kind.title)];
    }),
  ) as unknown as { [Name in Kind['name']]: z.ZodOptional<z.ZodType<Record<string, unknown>>> };
}

/** What a generated locale file holds. */
export const localeSchema = z.strictObject({
  $comment: z.string().describe('Names the script that writes the file.'),
  lang: z.string().min(1).describe('BCP 47 language tag, canonical case.'),
  source: z
    .strictObject({
      file: z.string().describe('The docs page the descriptions come from, relative to the package.'),
      author: z.string().describe('Who wrote the descriptions: Aspose, or this project.'),
      url: z.string().optional().describe('The upstream page, relative to the Aspose.Email API reference.'),
      title: z.string().optional(),
      secondTitle: z.string().optional(),
      description: z.string().optional(),
    })
    .describe('Where the descriptions came from.'),
  codes: z
    .strictObject(
      Object.fromEntries(smtpStatusNames.map((name) => [name, entry])) as Record<SmtpStatusName, typeof entry>,
    )
    .describe('The description of every SmtpStatusCode member, keyed by member name.'),
  errata: z
    .partialRecord(
      z.enum(smtpStatusNames as [SmtpStatusName, ...SmtpStatusName[]]),
      z.strictObject({
        upstream: z.string().describe('The description as upstream publishes it.'),
        reason: z.string().describe('Why `codes` holds a corrected text instead.'),
      }),
    )
    .optional()
    .describe('The members whose upstream description is corrected (docs/project/errata.md).'),
  files: z
    .partialRecord(z.enum(localeKinds.map((kind) => kind.name)), z.string())
    .optional()
    .describe("The project's pages each kind of text comes from, relative to the package."),
  ...kindSchemas(localeKinds),
});

export type LocaleFile = z.infer<typeof localeSchema>;

/**
 * A locale as the validation stage gives it: the file without the header `emit/` adds, with the
 * service's texts (the page's words) and their file, which `emit/` writes apart.
 */
export const assembledLocaleSchema = localeSchema.omit({ $comment: true, files: true }).extend({
  files: z.partialRecord(z.enum([...localeKinds, pageKind].map((kind) => kind.name)), z.string()).optional(),
  ...kindSchemas([pageKind]),
});

export type AssembledLocale = z.infer<typeof assembledLocaleSchema>;
