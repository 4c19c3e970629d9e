/**
 * How the Workers bundle is built: by `npm run build` (`dist/worker.js`, which `wrangler.toml`
 * deploys) and by the test that runs it in workerd, so both run the same code.
 */
import { join } from 'node:path';
import type { BuildOptions } from 'esbuild';

/** esbuild options for `src/worker.ts`: one ES module, no Node builtins, Workers' conditions. */
export function workerBuildOptions(root: string): BuildOptions {
  return {
    entryPoints: [join(root, 'src', 'worker.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'import'],
    target: 'es2022',
    charset: 'utf8',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  };
}
