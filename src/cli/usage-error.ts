/**
 * An error the user made (an unknown option, not a status code, a missing argument): reported
 * on one line, with "see smtp-status --help", and exit code 2. Anything else is an internal error.
 *
 * @example throw new UsageError('list takes no argument, got "x"')
 */
export class UsageError extends Error {}

/**
 * A command that could not do its work for a reason outside the program (a port in use, a file
 * it may not read): reported on one line as it is, exit code 1, never as an internal error.
 *
 * @example throw new CommandError('cannot listen on 127.0.0.1:8025: the port is in use; choose another with --port')
 */
export class CommandError extends Error {}
