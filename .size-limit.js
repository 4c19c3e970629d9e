// size-limit (`npm run lint:package`): every entry's smallest useful bundle, with esbuild.
/** The languages stay out, as Vite, Rollup and webpack make each `import()` a chunk of its own. */
const languagesApart = (config) => ({
  ...config,
  format: 'esm',
  plugins: [
    {
      name: 'languages-apart',
      setup(build) {
        build.onResolve({ filter: /^\.\/[^/]+\.js$/ }, (args) =>
          args.importer.endsWith('/dist/locales/index.js') ? { path: args.path, external: true } : undefined,
        );
      },
    },
  ],
});

export default [
  { name: '/lite: describe + French (locales/fr.codes)', path: 'bench/size/lite-fr.js', limit: '4.6 kB' },
  {
    name: '/core: describe + explain + French (locales/fr, enhanced texts included)',
    path: 'bench/size/lean-fr.js',
    limit: '24.95 kB',
  },
  { name: 'main entry: describe (every language)', path: 'bench/size/main-entry.js', limit: '94.6 kB' },
  { name: '/i18next: toI18nextBundle + French', path: 'bench/size/i18next-fr.js', limit: '11.4 kB' },
  { name: '/i18next/all: smtpResources() (every language)', path: 'bench/size/i18next-all.js', limit: '81.4 kB' },
  {
    name: '/locales: the entry chunk of lazy loading (loaders, no language)',
    path: 'bench/size/loaders.js',
    modifyEsbuildConfig: languagesApart,
    limit: '160 B',
  },
  { name: '/locales: the French chunk a loader fetches', path: 'bench/size/french-chunk.js', limit: '8.7 kB' },
  {
    name: '/bounce: explainBounce (every language, postal-mime included)',
    path: 'bench/size/bounce.js',
    limit: '120.05 kB',
  },
  {
    // Bounce reading, which the service loads on demand, is counted: a bundler inlines it.
    name: '/server: the handler (every language, Hono, the pages and their words, bounce reading)',
    path: 'bench/size/server.js',
    limit: '145.4 kB',
  },
];
