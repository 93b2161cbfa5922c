import { rmSync } from 'node:fs';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

/** Chunk names carry hashes: drop the previous build's before writing new ones. */
const cleanChunks: Plugin = {
  name: 'inbox-clean-bundle-chunks',
  apply: 'build',
  buildStart() {
    rmSync('dist/bundle-chunks', { recursive: true, force: true });
  },
};

/**
 * The single-file bundle for `<script type="module">` use, with Lit, RxJS and
 * valibot inside and every tag registered: dist/inbox-elements.bundle.js.
 * What a page may never need loads on demand from dist/bundle-chunks/, next
 * to it: the French and Spanish strings, and the transports (the embedded
 * MemoryTransport with its demo data generator, HttpTransport), which
 * `<inbox-provider demo | endpoint>` and `loadMemoryTransport()` /
 * `loadHttpTransport()` (src/bundle.ts) import when asked.
 * Runs after vite.config.ts (which empties dist/), hence emptyOutDir: false.
 * scripts/check-size.mjs holds the main file to its gzip budget.
 */
export default defineConfig({
  define: { __INBOX_DEV__: 'false' },
  // RxJS's ES2015 build (its default is ES5, with tslib helpers): smaller,
  // and the bundle targets ES2022 anyway.
  resolve: { conditions: ['es2015', ...defaultClientConditions] },
  plugins: [
    cleanChunks,
    // The bundler minifies code but not the text of Lit's html`` and css``
    // templates (indentation, comments, CSS whitespace): this does, in our
    // own sources. The npm build leaves that to the host's bundler.
    // Known limit: inside an attribute, a unit right after an expression is
    // lost (`style="height: ${h}px"` becomes `height:${h}`): bind the whole
    // value instead (`style=${`height: ${h}px`}`).
    minifyTemplateLiterals({ include: ['src/**/*.ts'], failOnError: true }),
  ],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    lib: {
      entry: 'src/bundle.ts',
      formats: ['es'],
      fileName: () => 'inbox-elements.bundle.js',
    },
    rolldownOptions: {
      // Lets modules shared with a chunk (lit-localize's str()) stay in the
      // main file, which then exports them to the chunk, instead of going to
      // a common chunk of their own that the main file would load at once.
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: 'bundle-chunks/[name]-[hash].js',
        // Full minification: Vite keeps whitespace in library ES output by default.
        minify: true,
      },
    },
  },
});
