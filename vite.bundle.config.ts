import { readFileSync, rmSync } from 'node:fs';
import MagicString from 'magic-string';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { minify } from 'terser';
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
 * Short message ids: each `msg(…, { id: 'filters.status' })` of our sources
 * and each key of the French and Spanish templates becomes the same short id
 * (its rank among the sorted ids, base 36), and translators' notes (`desc`)
 * are dropped, in this bundle only: about 0.9 kB gzip off the main file,
 * and the locale chunks shrink too. Safe here
 * because the bundle keeps @lit/localize inside and exports only setLocale():
 * no host can bring templates keyed by our ids to it. The npm build (for
 * hosts that may configure @lit/localize themselves) keeps the real ids.
 * The build fails if a message id has no translation key or the locales
 * differ in their keys, rather than shipping a lookup that misses.
 */
const LOCALE_MODULE = /\/src\/i18n\/locales\/(fr|es)\.ts$/;
const localeKeys = (locale: string) =>
  [...readFileSync(`src/i18n/locales/${locale}.ts`, 'utf8').matchAll(/^\s*'([^']+)':/gm)].map((m) => m[1]!);
const shortMessageIds = (): Plugin => {
  const keys = localeKeys('fr');
  if (keys.join() !== localeKeys('es').join()) throw new Error('short message ids: fr and es differ in their keys');
  const short = new Map([...keys].sort().map((key, i) => [key, i.toString(36)]));
  const rewrite = (code: string, pattern: RegExp, file: string) => {
    const out = new MagicString(code);
    for (const m of code.matchAll(pattern)) {
      const { key, desc } = m.indices!.groups!;
      const id = short.get(m.groups!['key']!);
      if (id === undefined) throw new Error(`short message ids: ${m.groups!['key']} (${file}) is not a key of the locales`);
      out.overwrite(key![0], key![1], id);
      // A translator's note (`desc`) is for the extractor; msg() ignores it at run time.
      if (desc) out.remove(desc[0], desc[1]);
    }
    return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true, source: file }) } : null;
  };
  return {
    name: 'inbox-short-message-ids',
    apply: 'build',
    enforce: 'pre',
    transform(code, file) {
      if (!file.includes('/src/') || !file.endsWith('.ts')) return null;
      if (LOCALE_MODULE.test(file)) return rewrite(code, /^\s*'(?<key>[^']+)':/dgm, file);
      // A message's options: `msg(…, { id: '…' })` or `{ id: '…', desc: '…' }`, the forms our sources use (a trailing comma allowed).
      return rewrite(code, /\bmsg\((?:[^()]|\([^()]*\))*?,\s*\{\s*id:\s*'(?<key>[^']+)'(?<desc>,\s*desc:\s*'(?:[^'\\]|\\.)*')?,?\s*\}\)/dg, file);
    },
    // A message whose call the pattern above missed would silently stay in English in fr and es.
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [, id] of chunk.code.matchAll(/\bid:\s*["'`]([^"'`]+)["'`]/g)) {
          if (short.has(id!)) this.error(`short message ids: "${id}" left as is in ${chunk.fileName}`);
        }
      }
    },
  };
};

/**
 * A terser compression pass over each chunk before the bundler's own
 * minifier (which then mangles and prints it): terser's optimizer goes further
 * (inlining, merging of sequences and conditions, dead branches), about 0.9 kB
 * gzip off the main file. Names are left to the bundler's minifier.
 */
const terserCompress: Plugin = {
  name: 'inbox-terser-compress',
  apply: 'build',
  async renderChunk(code) {
    const result = await minify(code, {
      ecma: 2020,
      module: true,
      toplevel: true,
      compress: { passes: 3, ecma: 2020 },
      mangle: false,
      format: { comments: false },
      sourceMap: { asObject: true },
    });
    return { code: result.code ?? code, map: result.map as never };
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
    shortMessageIds(),
    // The bundler minifies code but not the text of Lit's html`` and css``
    // templates (indentation, comments, CSS whitespace): this does, in our
    // own sources. The npm build leaves that to the host's bundler.
    // Known limit: inside an attribute, a unit right after an expression is
    // lost (`style="height: ${h}px"` becomes `height:${h}`): bind the whole
    // value instead (`style=${`height: ${h}px`}`).
    // keepClosingSlash: html-minifier drops the `/>` of void-looking SVG
    // elements otherwise, and each later shape then nests inside the first
    // (icons are drawn from data, src/elements/shared/icons.ts, but an SVG
    // written in a template must survive too).
    minifyTemplateLiterals({ include: ['src/**/*.ts'], failOnError: true, options: { minifyOptions: { keepClosingSlash: true } } }),
    terserCompress,
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
        // No /* @__PURE__ */ marks: they help a bundler that reads this file, and nothing does
        // (a page loads it as is); 91 of them were 0.14 kB gzip. Licence comments stay.
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
  },
});
