// What a worker of your own ships for the HTTP service (size-limit): the handler, every language.
import { handler } from '../../dist/server.js';

export default { fetch: handler };
