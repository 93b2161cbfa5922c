import { defineConfig } from 'vite';

/**
 * The npm build: ES modules in dist/, one file per entry plus shared and
 * per-locale chunks, dependencies left to the host's bundler. The
 * single-file script-tag bundle is vite.bundle.config.ts; type declarations
 * come from `tsc -p tsconfig.build.json`.
 *
 * Dependencies stay imports for the host's bundler (lit, rxjs, valibot,
 * DOMPurify, Lucide's icons): one copy in the host's bundle, and a host's
 * lock file brings a DOMPurify security fix without a new release of ours.
 */
const external = /^(lit|@lit\/.+|@lit-labs\/.+|rxjs|valibot|dompurify|lucide)(\/.*)?$/;

export default defineConfig(({ command }) => ({
  // Production builds drop the development warnings (src/dev-mode.ts); the
  // dev server keeps them.
  define: command === 'build' ? { __INBOX_DEV__: 'false' } : {},
  // `npm start` runs the reference server (server/, port 8787) beside the dev
  // server; the demo's HttpTransport reaches it same-origin through this proxy.
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8787' } },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Left readable: the host's bundler minifies the application as a whole.
    minify: false,
    lib: {
      // testing: the transport conformance suite (`inbox-elements/testing`), for hosts' own transports.
      entry: { index: 'src/index.ts', define: 'src/define.ts', testing: 'src/testing.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external: (id) => external.test(id),
      output: {
        // Locale modules (dynamic imports) apart from the shared code; the
        // transports' loaders (src/transport/loaders.ts, src/elements/loaders.ts, src/protocol/loading.ts) are dynamic imports
        // too, but of code the entries share, so they go with the chunks.
        chunkFileNames: (chunk) =>
          chunk.isDynamicEntry && chunk.facadeModuleId?.includes('/i18n/locales/')
            ? 'locales/[name]-[hash].js'
            : 'chunks/[name]-[hash].js',
      },
    },
  },
}));
