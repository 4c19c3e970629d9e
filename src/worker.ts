/**
 * The Cloudflare Workers entry (`wrangler.toml` points here): the service's handler, as is.
 * Stateless: every answer depends only on the request and the catalog shipped with it.
 */
import { handler } from './server.js';

export default {
  fetch(request: Request): Promise<Response> {
    return handler(request);
  },
};
