// `smtp-status <code>`: one code, an enhanced code alone, or a member name.
import { requireInput } from '../../catalog/resolve-input.js';
import type { Invocation } from '../context.js';
import { languageWarning } from '../language-warning.js';
import { reasonAndText } from '../reason-column.js';
import { terminalEscaped } from '../terminal-safe.js';
import { UsageError } from '../usage-error.js';

/** The code as `explain` takes it: digits (with an optional minus) become a number. */
function codeArgument(text: string): number | string {
  return /^-?\d{1,4}$/u.test(text) ? Number(text) : text;
}

/**
 * Writes what one code means: its reason (`-` for none) and `explain`'s text, tab-separated, or
 * its whole answer with `--json`; a usage error for more or fewer than one code, or for what is
 * no status code.
 *
 * @example codeCommand({ program, args: ['550'], options: {}, lang: 'fr', context }) // the French text on stdout
 */
export function codeCommand({ program: { catalog }, args, options, lang, context }: Invocation): void {
  const [text] = args;
  if (text === undefined || args.length > 1) throw new UsageError(`expected one status code, got ${args.length}`);
  const input = codeArgument(text);
  try {
    requireInput(input);
  } catch (error) {
    // The user's value is no status code: the error names it.
    throw new UsageError((error as Error).message);
  }
  const result = catalog.explain(input, lang);
  context.stdout.write(options.json ? terminalEscaped(`${JSON.stringify(result)}\n`) : reasonAndText(result));
  context.stderr.write(terminalEscaped(languageWarning(catalog, options.lang)));
}
