// The package's version, read from package.json when the service is bundled (esbuild inlines it;
// the sources read it as they run): the OpenAPI document says it, and nobody types it.
import packageJson from '../../package.json' with { type: 'json' };

/** The package's version, as package.json says it. @example packageVersion // '0.1.0' */
export const packageVersion: string = packageJson.version;
