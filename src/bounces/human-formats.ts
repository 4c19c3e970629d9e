// The human-readable bounces of mail systems that send no delivery-status part, or one that
// names no recipient: the rows of docs/project/bounce-formats.md (each naming the text it was
// written from), compiled once, in order. `read-human.ts` matches them (first `detect` wins).
import { bounceFormats } from '../internal/bounce-formats.js';
import { type BounceFormatData, listFields, singleFields } from './format-data.js';

/** How one mail system writes a bounce for people. */
export interface HumanFormat {
  /** The format's name, reported as `format`. */
  id: string;
  /** Where the wording comes from: the system's manual or source file. */
  source: string;
  /** Tested on the sender, the subject and the text (each on its own line): the format is this one. */
  detect: RegExp;
  /** The recipient list starts after this (default: the start of the text). */
  start?: RegExp;
  /** The recipient list ends before this (default: the end of the text). */
  end?: RegExp;
  /** Each match starts one recipient's block; group 1 is the address. Must have the `g` and `m` flags. */
  recipient: RegExp;
  /** Tried in order on a recipient's block; group 1 of the first match is the diagnostic. */
  diagnostic: RegExp[];
  /** Tested on the whole text: the notice is a delay warning, not a failure. */
  delayed?: RegExp;
  /** Phrases of the diagnostic the system documents, with the enhanced status each means. */
  phrases?: readonly (readonly [RegExp, string])[];
  /** The returned message's headers follow this line. */
  returned?: RegExp;
}

/** A pattern of the page, compiled with its field's flags. */
const compile = (source: string | undefined, flags: string) =>
  source === undefined ? undefined : new RegExp(source, flags);

function compiled(data: BounceFormatData): HumanFormat {
  const format: HumanFormat = {
    id: data.id,
    source: data.source,
    detect: new RegExp(data.detect, singleFields.detect),
    recipient: new RegExp(data.recipient, singleFields.recipient),
    diagnostic: data.diagnostic.map((source) => new RegExp(source, listFields.diagnostic)),
    phrases: data.phrases.map(([source, status]) => [new RegExp(source, listFields.phrase), status] as const),
  };
  const start = compile(data.start, singleFields.start);
  const end = compile(data.end, singleFields.end);
  const delayed = compile(data.delayed, singleFields.delayed);
  const returned = compile(data.returned, singleFields.returned);
  return {
    ...format,
    ...(start && { start }),
    ...(end && { end }),
    ...(delayed && { delayed }),
    ...(returned && { returned }),
  };
}

let formats: readonly HumanFormat[] | undefined;

/**
 * The formats, most specific first, compiled when a bounce is first read.
 *
 * @example humanFormats()[0].id // 'qmail'
 */
export function humanFormats(): readonly HumanFormat[] {
  if (formats === undefined) formats = bounceFormats.map(compiled);
  return formats;
}
