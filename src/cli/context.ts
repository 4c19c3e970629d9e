// What the command is given: where it writes and reads, and what it answers from.
import type { Catalog } from '../catalog/create-catalog.js';
import type { LanguagePreference } from '../catalog/negotiate-language.js';
import type { StreamOutput } from './explain-stream.js';
import type { Options } from './options.js';

/** Where the command writes: `process.stdout` and `process.stderr`, or test doubles. */
export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** What the command reads besides its arguments. */
export interface CliContext {
  env: NodeJS.ProcessEnv;
  stdout: Output & StreamOutput;
  stderr: Output;
  /** Read by `explain` without a reply argument. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** For `serve`: registers what stops it (SIGINT, SIGTERM) instead of exiting at once. */
  onStop?: (stop: () => void) => void;
}

/** Where `serve` listens. */
export interface ServeOptions {
  port: number;
  host: string;
  headersTimeout?: number;
  requestTimeout?: number;
  keepAliveTimeout?: number;
  maxConnections?: number;
}

/**
 * What the command answers from: the catalog, the package's version for `--version`, and the
 * HTTP service for `serve` (which prints its URL, then resolves once `stopped` did and it closed).
 */
export interface Program {
  catalog: Catalog;
  version(): string;
  serve(options: ServeOptions, context: { stdout: Output; stopped: Promise<unknown> }): Promise<void>;
}

/** What one command runs with: the program, its own arguments, the options and the language they ask for. */
export interface Invocation {
  program: Program;
  /** The words after the command's name (for `<code>`, the code itself). */
  args: readonly string[];
  options: Options;
  /** `--lang`, else the environment's (see `environmentLanguage`). */
  lang: LanguagePreference;
  context: CliContext;
}
