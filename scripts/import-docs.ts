/**
 * Imports the .NET `SmtpStatusCode` pages of a checkout of the upstream repository
 * (aspose-email/Aspose.Email-API-References) into the committed upstream pages:
 * `npm run import:docs -- --from DIR [--to DIR] [--dry-run] [--json]`.
 * It does not rebuild the locales: it prints the command that does.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { upstreamDocs } from './build-locales.ts';
import { BuildError } from './build-problem.ts';
import { type ImportReport, importPages, WriteFailed } from './import/import-pages.ts';
import { nextCommand, renderReport } from './import/render-report.ts';

/** Where a command's output goes: the process's streams, or a test's buffers. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

const usage = `Usage: import-docs --from DIR [--to DIR] [--dry-run] [--json]

  --from DIR  a checkout of the upstream repository (aspose-email/Aspose.Email-API-References),
              at any revision; its <language>/net/<namespace>/smtpstatuscode/_index.md pages are read
  --to DIR    the committed upstream pages, <lang>.md and SHA256SUMS (default: docs/upstream)
  --dry-run   report what would change; write nothing
  --json      the report as JSON on stdout

Languages the checkout does not have are kept. The locales are not rebuilt: run ${nextCommand}.
Exit codes: 0 imported or nothing to import, 1 nothing written because of an error, 2 usage error.
`;

interface Arguments {
  from: string;
  to: string;
  dryRun: boolean;
  json: boolean;
}

function parse(argv: readonly string[]): Arguments | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) return 'help';
  if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`);
  if (values.from === undefined || values.from === '') throw new Error('--from DIR is required');
  return {
    from: values.from,
    to: values.to ?? upstreamDocs,
    dryRun: values['dry-run'] ?? false,
    json: values.json ?? false,
  };
}

function printError(error: unknown, json: boolean, io: CommandIo): void {
  const problems = error instanceof BuildError ? error.problems : [];
  const message =
    error instanceof BuildError
      ? `${problems.length} problem(s) in the checkout's pages, which the build would refuse`
      : (error as Error).message;
  if (json) {
    io.stdout(`${JSON.stringify({ error: message, problems }, null, 2)}\n`);
    return;
  }
  if (error instanceof BuildError) io.stderr(`${error.message}\n`);
  io.stderr(`import-docs: ${message}${error instanceof WriteFailed ? '' : '; nothing was written'}\n`);
}

/**
 * Runs the import as a command; returns the exit code.
 *
 * @example main(['--from', '../Aspose.Email-API-References', '--dry-run']) // 0
 */
export function main(argv: readonly string[], io: CommandIo = processIo): number {
  let args: Arguments | 'help';
  try {
    args = parse(argv);
  } catch (error) {
    io.stderr(`import-docs: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (args === 'help') {
    io.stdout(usage);
    return 0;
  }
  let report: ImportReport;
  try {
    report = importPages({ from: args.from, to: args.to, dryRun: args.dryRun });
  } catch (error) {
    // A page, the checkout or the file system: a message, never a stack.
    printError(error, args.json, io);
    return 1;
  }
  io.stdout(
    args.json
      ? `${JSON.stringify({ ...report, next: report.written.length > 0 && !report.dryRun ? nextCommand : null }, null, 2)}\n`
      : renderReport(report),
  );
  return 0;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
