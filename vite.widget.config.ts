import { defineConfig, type Plugin } from 'vite';
import minifyHTMLLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

const LIT_META = '\0aloud-lit-property-metadata';

/**
 * The widget lives on other people's pages, so it writes no globals but its
 * custom element. Lit registers four on `window` by itself: version lists
 * (`litHtmlVersions`, `litElementVersions`, `reactiveElementVersions`, used
 * only to warn about duplicate copies) and `litPropertyMetadata`, a WeakMap
 * its modules share through the global object. This drops the version
 * pushes and gives the modules that WeakMap through a private module instead.
 * Every rewrite must match, so a Lit upgrade that changes the
 * code fails the build rather than leaking a global quietly.
 */
function noLitGlobals(): Plugin {
  const rewrites: { file: RegExp; from: RegExp; to: string }[] = [
    { file: /lit-html\/lit-html\.js$/, from: /\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[^"]*"\)/g, to: 'void 0' },
    { file: /lit-element\/lit-element\.js$/, from: /\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[^"]*"\)/g, to: 'void 0' },
    { file: /reactive-element\/reactive-element\.js$/, from: /\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[^"]*"\)/g, to: 'void 0' },
    { file: /reactive-element\/reactive-element\.js$/, from: /\w+\.litPropertyMetadata\?\?=new WeakMap/g, to: 'void 0' },
    { file: /reactive-element\/reactive-element\.js$/, from: /\blitPropertyMetadata\.get\(/g, to: '__aloudLitMeta.get(' },
    { file: /reactive-element\/decorators\/property\.js$/, from: /\bglobalThis\.litPropertyMetadata\b/g, to: '__aloudLitMeta' },
  ];
  return {
    name: 'aloud-no-lit-globals',
    enforce: 'pre',
    resolveId: (id) => (id === LIT_META ? id : null),
    load: (id) => (id === LIT_META ? 'export const meta = new WeakMap();' : null),
    transform(code, id) {
      const mine = rewrites.filter((r) => r.file.test(id.split('?')[0]!));
      if (mine.length === 0) return null;
      let out = code;
      for (const r of mine) {
        const hits = out.match(r.from)?.length ?? 0;
        if (hits === 0) this.error(`aloud-no-lit-globals: ${r.from} not found in ${id}; Lit changed, update the rewrite`);
        out = out.replace(r.from, r.to);
      }
      if (out.includes('__aloudLitMeta')) out = `import { meta as __aloudLitMeta } from ${JSON.stringify(LIT_META)};\n${out}`;
      return { code: out, map: null };
    },
  };
}

/**
 * Minifies the CSS inside Lit's css`…` literals of our own modules (the
 * bundler minifies code, never the text of template literals): comments
 * go, white space collapses, and the spaces around { } ; , and after : in
 * declarations go. Spaces inside selectors stay (a descendant combinator is
 * a space), and so do ${…} expressions.
 */
function minifyCssLiterals(): Plugin {
  const minify = (text: string): string =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+(?=[^{};]*;)/g, ':')
      .replace(/;}/g, '}');
  return {
    name: 'aloud-minify-css-literals',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      // Only the static text between ${…} holes is touched.
      const out = code.replace(/css`([^`]*)`/g, (_, body: string) => {
        const parts = body.split(/(\$\{[^}]*\})/);
        return `css\`${parts.map((part, i) => (i % 2 ? part : minify(part))).join('')}\``;
      });
      return { code: out, map: null };
    },
  };
}

/**
 * The html`…` and svg`…` literals go through Lit's own minifier
 * (html-minifier-next underneath). Its white-space collapse is the
 * conservative one, a run of spaces becomes one and never none, so text
 * between inline elements reads and is spoken exactly as written, and empty
 * attributes stay. Its CSS side (lightningcss) is off: it rejects a ${…}
 * hole standing for a whole rule block, which our styles use for the dark
 * colours, so css`…` keeps the small minifier above.
 */
function minifyHtmlLiterals(): Plugin {
  const plugin = minifyHTMLLiterals({
    include: ['src/**/*.ts'],
    failOnError: true,
    options: {
      shouldMinifyCSS: () => false,
      minifyOptions: { conservativeCollapse: true, removeEmptyAttributes: false },
    },
  } as Parameters<typeof minifyHTMLLiterals>[0]);
  return { ...(plugin as unknown as Plugin), name: 'aloud-minify-html-literals' };
}

/**
 * The publisher's widget: one ES module, dist/aloud-player.js, that defines
 * <aloud-player> with Lit bundled in. The fallback speech engine and its voice
 * data, the source parsers and page mode stay lazy chunks beside it, found
 * relative to the widget's own URL (import.meta.url), so the widget can be
 * served from any folder or CDN.
 */
export default defineConfig({
  // Relative asset URLs: the lazy fallback files resolve against the widget's own URL.
  base: './',
  publicDir: false,
  plugins: [noLitGlobals(), minifyCssLiterals(), minifyHtmlLiterals()],
  // The fallback voice's worker (src/speech/fallback/espeak-worker.ts): a
  // module worker, emitted as its own file beside the widget (never inlined:
  // a data: or blob: worker breaks under `default-src 'self'`), named like
  // the other lazy files so the eSpeak code it imports is the very file the
  // in-thread path would load, not a second copy under assets/.
  worker: {
    format: 'es',
    rolldownOptions: {
      output: {
        minify: true,
        comments: { legal: true, annotation: false, jsdoc: false },
        entryFileNames: 'aloud-[name]-[hash].js',
        chunkFileNames: 'aloud-[name]-[hash].js',
        assetFileNames: 'aloud-[name]-[hash][extname]',
      },
    },
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    lib: {
      entry: 'src/define.ts',
      formats: ['es'],
      fileName: () => 'aloud-player.js',
    },
    rollupOptions: {
      // Lets the bundler merge modules the entry and lazy chunks share into
      // the entry (lazy chunks then import them from it), instead of small
      // common chunks the browser would fetch one round trip after the entry.
      preserveEntrySignatures: 'allow-extension',
      output: {
        // Vite leaves white space in an ES library build, for bundlers that
        // consume it again. This file goes to browsers as it is: minify it
        // fully. Licence comments stay (Lit is BSD-3-Clause).
        minify: true,
        comments: { legal: true, annotation: false, jsdoc: false },
        chunkFileNames: 'aloud-[name]-[hash].js',
        assetFileNames: 'aloud-[name]-[hash][extname]',
      },
    },
  },
});
