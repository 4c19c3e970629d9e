// The types the service shows its users (`smtp-status-i18n/server`), apart from its wiring: a
// declaration that imports Hono would fail to compile where Hono is not installed (it is bundled,
// not a dependency), so the public declarations never reach `app.ts`.
import type { Catalog } from '../catalog/create-catalog.js';

/** A web-standard request handler: what Workers, Deno, Bun and Node adapters call. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** What the service serves, and where it reports its own faults. */
export interface ServiceOptions {
  /** The catalog to serve; its languages and texts are read as they are at first use. */
  catalog: Catalog;
  /** The enhanced status codes the page lists, as the registry writes them (`X.1.1`). */
  enhancedCodes: readonly string[];
  /**
   * Called with a fault of the service itself (never the client's), before it answers `500`
   * with a generic problem; `console.error` unless given.
   */
  onError?: (error: unknown, request: Request) => void;
}
