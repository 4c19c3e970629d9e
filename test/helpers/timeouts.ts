// How long a test may take, by the kind of work it does. Sized for CI's machine: 2 cores shared
// with a second test run and vitest's coverage, where work takes several times what it takes
// alone (a locale build of 0.4–1.9 s alone took up to 8.4 s there; with two full runs on a machine
// at load 16, one build test took 21 s and a test that starts npx 70 s). Each test names the one for
// its work where that work is (on the `it`, or on the `describe` or hook that does it); the rest
// keep vitest's 5 s default, and nothing is retried. Import as `* as timeouts`.

/** A test that runs the locale build or the docs import in process (parse, validate, emit). @example it('builds', () => { buildLocales(options); }, timeouts.build); */
export const build = 60_000;

/** A test that starts processes or servers (the CLI under tsx, `serve`, node, npx, an SMTP peer). @example it('exits 2', () => { spawnSync(tsx, [cli, 'x']); }, timeouts.processes); */
export const processes = 180_000;

/** A test that bundles (esbuild, Vite) or starts a bundled worker in workerd. @example it('tree-shakes', async () => { await esbuild.build(options); }, timeouts.bundle); */
export const bundle = 120_000;

/** A test that runs the TypeScript compiler over a project. @example it('type-checks', async () => { await sh('npx tsc'); }, timeouts.typeCheck); */
export const typeCheck = 120_000;

/** Building the package, packing it and installing the tarball into a fresh project. @example beforeAll(async () => { await sh('npm pack'); }, timeouts.install); */
export const install = 360_000;

/** Starting Chromium (the first start unpacks the npm one) and driving pages in it. @example beforeAll(async () => { browser = await launchChromium(); }, timeouts.browser); */
export const browser = 120_000;

/** A sweep of every code and language, or a property check of thousands of runs, in process. @example it('holds for every code', () => { for (const code of codes) check(code); }, timeouts.exhaustive); */
export const exhaustive = 120_000;

/** A wait inside a test for one sign of what it started (a server's first line, a page's output): shorter than the test's own time, so the wait names what did not come. @example await expect.poll(read, { timeout: timeouts.firstSign }).toMatch(/\n$/u); */
export const firstSign = 30_000;

/** A test that runs other suites of the project in a copy of it (vitest in a child process, several test files). @example it('passes there', () => { spawnSync(vitest, ['run', ...files]); }, timeouts.testSuites); */
export const testSuites = 600_000;
