// `smtp-status explain`: a reply or a mail log line given as words, else one per line of stdin.

import { show } from '../../errors/show-value.js';
import { explainLogLine } from '../../inputs/log-line.js';
import type { Invocation } from '../context.js';
import { explainStream, maxLineLength } from '../explain-stream.js';
import { languageWarning } from '../language-warning.js';
import { reasonAndText } from '../reason-column.js';
import { terminalEscaped } from '../terminal-safe.js';
import { UsageError } from '../usage-error.js';

/**
 * Explains the reply or mail log line the words make (joined by spaces) as `explainLogLine`
 * does, so both say the same (its reason, `-` for none, and its text, tab-separated); without words, every line of stdin (`explainStream`), with a count
 * of the lines it could not read on stderr.
 *
 * @example await explainCommand({ program, args: ['550', '5.1.1', 'User', 'unknown'], options: {}, lang: 'fr', context })
 */
export async function explainCommand({ program: { catalog }, args, options, lang, context }: Invocation) {
  if (args.length === 0) {
    if (context.stdin === undefined) throw new UsageError('explain needs a reply, or replies on stdin');
    const summary = await explainStream(context.stdin, context.stdout, { lang, json: options.json === true }, catalog);
    if (summary.unreadable > 0) {
      context.stderr.write(
        `smtp-status: ${summary.unreadable} of ${summary.lines} lines had no SMTP reply or status code (first: line ${summary.firstUnreadable})\n`,
      );
    }
    if (summary.tooLong > 0) {
      context.stderr.write(
        `smtp-status: ${summary.tooLong} of ${summary.lines} lines were longer than ${maxLineLength} characters and skipped (first: line ${summary.firstTooLong})\n`,
      );
    }
    return;
  }
  const text = args.join(' ');
  // The log line adapter: a reply alone, else a log line quoting one or giving an enhanced code.
  // The adapter over the program's catalog (its explain may be any catalog's).
  const result = explainLogLine(catalog, text, lang);
  if (result === undefined) throw new UsageError(`Not an SMTP reply or a mail log line with one: ${show(text)}`);
  context.stdout.write(options.json ? terminalEscaped(`${JSON.stringify(result)}\n`) : reasonAndText(result));
  context.stderr.write(terminalEscaped(languageWarning(catalog, options.lang)));
}
