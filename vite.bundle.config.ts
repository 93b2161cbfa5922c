import { defineConfig } from 'vite';

/**
 * The single-file bundle for `<script type="module">` use, with Lit, RxJS and
 * valibot inside and every tag registered: dist/inbox-elements.bundle.js.
 * Locale modules are inlined too, so the file stands alone.
 * Runs after vite.config.ts (which empties dist/), hence emptyOutDir: false.
 * scripts/check-size.mjs holds it to its gzip budget.
 */
export default defineConfig({
  define: { __INBOX_DEV__: 'false' },
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
      // Full minification: Vite keeps whitespace in library ES output by default.
      output: { codeSplitting: false, minify: true },
    },
  },
});
