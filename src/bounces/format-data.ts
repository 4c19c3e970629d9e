// The human-readable bounce formats as the build writes them (src/internal/bounce-formats.ts, from
// docs/project/bounce-formats.md): patterns as source text, compiled by `human-formats.ts`.

/** The fields of a format whose pattern is one, and the flags each is compiled with. */
export const singleFields = {
  detect: 'mu',
  start: 'mu',
  end: 'mu',
  recipient: 'gmu',
  delayed: 'mu',
  returned: 'mu',
} as const;

/** The fields of a format that hold a list of patterns, and their flags. */
export const listFields = { diagnostic: 'u', phrase: 'iu' } as const;

/** How one mail system writes a bounce for people, as data. */
export interface BounceFormatData {
  /** The format's name, reported as `format`. */
  id: string;
  /** Where the wording comes from: the system's manual or source file. */
  source: string;
  detect: string;
  start?: string;
  end?: string;
  recipient: string;
  diagnostic: string[];
  delayed?: string;
  /** Each documented phrase of a diagnostic with the enhanced status it means. */
  phrases: [pattern: string, status: string][];
  returned?: string;
}
