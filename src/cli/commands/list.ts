// `smtp-status list`: every SmtpStatusCode member, as a table or as JSON.
import type { Explanation } from '../../catalog/create-catalog.js';
import { smtpStatusNames } from '../../catalog/smtp-status-code.js';
import { show } from '../../errors/show-value.js';
import { type Painter, painter } from '../colors.js';
import type { Invocation } from '../context.js';
import { colorEnabled } from '../environment.js';
import { languageWarning } from '../language-warning.js';
import { terminalEscaped, terminalText } from '../terminal-safe.js';
import { UsageError } from '../usage-error.js';

/** One line per member: value right-aligned, name padded, description last (so RTL text never shifts a column). */
function listTable(rows: readonly Explanation[], paint: Painter): string {
  const valueWidth = Math.max(...rows.map((row) => String(row.code).length));
  const nameWidth = Math.max(...rows.map((row) => row.name?.length ?? 0));
  return rows
    .map((row) => {
      const value = paint(row.kind, String(row.code).padStart(valueWidth));
      return `${value}  ${(row.name ?? '').padEnd(nameWidth)}  ${terminalText(row.text)}\n`;
    })
    .join('');
}

/**
 * Writes every member with its description: a table (value coloured by kind on a terminal), or
 * a JSON array of `explain` answers with `--json`.
 *
 * @example listCommand({ program, args: [], options: { json: true }, lang: 'ru', context })
 */
export function listCommand({ program: { catalog }, args, options, lang, context }: Invocation): void {
  if (args.length > 0) throw new UsageError(`list takes no argument, got ${show(args[0])}`);
  const rows = smtpStatusNames.map((name) => catalog.explain(name, lang));
  const paint = painter(colorEnabled(context.env, context.stdout.isTTY));
  context.stdout.write(options.json ? terminalEscaped(`${JSON.stringify(rows)}\n`) : listTable(rows, paint));
  context.stderr.write(terminalEscaped(languageWarning(catalog, options.lang)));
}
