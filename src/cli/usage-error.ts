/**
 * An error the user made (an unknown option, not a status code, a missing argument): reported
 * on one line, with "see smtp-status --help", and exit code 2. Anything else is an internal error.
 *
 * @example throw new UsageError('list takes no argument, got "x"')
 */
export class UsageError extends Error {}
