/**
 * RFC 9457 problem details: the body of every error the service answers. `type` is a URI
 * reference to the problem's section of the service's OpenAPI description; `detail` names the
 * value the client sent as every error of the package does (`show`: quoted, cut at 60 characters).
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

/** The problems the service answers, by status. */
export const problemTitles = {
  400: 'Bad request',
  404: 'Not found',
  405: 'Method not allowed',
  413: 'Content too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  500: 'Internal error',
} as const;

/** A status the service answers with a problem. */
export type ProblemStatus = keyof typeof problemTitles;

/**
 * A problem for a status, with a detail naming the bad value.
 *
 * @example problem(404, `No resource at ${show('/v2')}`) // { status: 404, title: 'Not found', … }
 */
export function problem(status: ProblemStatus, detail: string): Problem {
  return { type: `/openapi.json#/components/responses/Problem${status}`, title: problemTitles[status], status, detail };
}
