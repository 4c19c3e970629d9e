// The maintainer's steps, in order, as the commands print them: each command names the next, and
// CONTRIBUTING.md lists them in this order (a test holds the two together).

/** Each step's command: import upstream pages, build the locales, build dist/, report, check. */
export const steps = {
  import: 'npm run import:docs -- --from <checkout>',
  locales: 'npm run build:locales',
  dist: 'npm run build',
  languages: 'npm run languages',
  check: 'npm test',
} as const;

/** What `build:locales` says once it changed files: dist/, which the CLI, the server and the package run, is stale until rebuilt. */
export const afterLocales = `next: ${steps.dist} (the CLI, the server and the package run dist/, which still holds the old texts), then ${steps.languages} and ${steps.check}`;
