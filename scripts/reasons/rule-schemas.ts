import { z } from 'zod';
import { reasonIds } from '../../src/reasons/reason-ids.ts';
import type { EnhancedRange } from '../../src/reasons/rule-data.ts';
import { patternProblem } from './check-pattern.ts';

/** The front matter every page of reasons and rules holds. */
export const rulePageFrontMatter = z.looseObject({
  title: z.string({ error: 'front matter: title is missing' }).min(1),
  author: z.string({ error: 'front matter: author is missing' }).min(1),
  note: z.string({ error: 'front matter: note is missing (say what the page is and where it comes from)' }).min(20),
});

/** A reason id of `src/reasons/reason-ids.ts`. */
export const reasonSchema = z.enum(reasonIds, {
  error: (issue) => `not a reason id: ${JSON.stringify(issue.input)} (see docs/project/reasons.md)`,
});

/** A row's source: a document a reader can find (an RFC section, a manual, a URL). */
export const sourceSchema = z
  .string()
  .min(12, 'the source is missing or too short: name the document (RFC section, manual page or URL)');

/** `-` for none, or an https link. */
export const linkSchema = z
  .string()
  .regex(/^(?:-|https?:\/\/[^\s|]+)$/u, 'a link is a URL (https://…) or - for none')
  .transform((value) => (value === '-' ? undefined : value));

/** A regular expression in inline code, checked by `patternProblem`. */
export const patternSchema = z.string({ error: 'the pattern must be in inline code: `…`' }).check((context) => {
  const problem = patternProblem(context.value);
  if (problem !== undefined) context.issues.push({ code: 'custom', message: problem, input: context.value });
});

/** A reply code (`550`), a class (`5xx`) or `-` for any. */
export const codeCellSchema = z
  .string()
  .regex(/^(?:-|[2-5]\d\d|[245]xx)$/u, 'a reply code (550), a class (5xx) or - for any')
  .transform((value) => (value === '-' ? undefined : value));

const enhancedCell = /^([245X])\.(\d{1,3})\.(?:(\d{1,3})(?:-(\d{1,3}))?|X)$/u;

/** An enhanced code a provider rule takes: `5.7.1`, `X.7.26`, `5.7.606-649`, `X.7.X`, or `-` for any. */
export const enhancedRangeSchema = z
  .string()
  .regex(
    /^(?:-|[245X]\.\d{1,3}\.(?:\d{1,3}(?:-\d{1,3})?|X))$/u,
    'an enhanced code (5.7.1, X.7.26, 5.7.606-649) or - for any',
  )
  .transform((value, context): EnhancedRange | undefined => {
    const parts = enhancedCell.exec(value);
    if (!parts) return undefined;
    const from = parts[3] === undefined ? 0 : Number(parts[3]);
    const to = parts[4] !== undefined ? Number(parts[4]) : parts[3] === undefined ? 999 : from;
    if (to < from)
      context.issues.push({ code: 'custom', message: `the range ${value} ends before it starts`, input: value });
    return { cls: parts[1] as EnhancedRange['cls'], subject: Number(parts[2]), from, to };
  });

/** A key of the enhanced codes page: `2.X.X`, a subject `X.7.X` or a code `X.7.1`. */
export const enhancedKeySchema = z
  .string()
  .regex(/^(?:2\.X\.X|X\.\d{1,3}\.(?:\d{1,3}|X))$/u, 'an enhanced code key: 2.X.X, X.7.X or X.7.1');

/** A comma-separated list of reason ids, or `-`. */
export const agreesSchema = z
  .string()
  .transform((value) => (value === '-' ? [] : value.split(/,\s*/u)))
  .pipe(z.array(reasonSchema));

/** A host name pattern of the providers page: `*.google.com`. */
export const hostPatternSchema = z
  .string()
  .regex(/^\*\.(?:[a-z0-9-]+\.)+[a-z]{2,}$/u, 'a host pattern is *. followed by a domain in lower case: *.google.com')
  .transform((value) => value.slice(2));

/** A provider id: the name of its rule page. */
export const providerSchema = z.string().regex(/^[a-z][a-z0-9-]*$/u, 'a provider id in lower case: gmail');

/** A block list zone: a domain in lower case. */
export const zoneSchema = z
  .string()
  .regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/u, 'a zone is a domain in lower case: spamhaus.org');
