import { defineConfig } from 'vite';

/**
 * The publisher's widget: one ES module, dist/aloud-player.js, that defines
 * <aloud-player> with Lit bundled in. The fallback speech engine and its voice
 * data stay lazy chunks beside it, found relative to the widget's own URL
 * (import.meta.url), so the widget can be served from any folder or CDN.
 */
export default defineConfig({
  // Relative asset URLs: the lazy fallback files resolve against the widget's own URL.
  base: './',
  publicDir: false,
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
      output: {
        chunkFileNames: 'aloud-[name]-[hash].js',
        assetFileNames: 'aloud-[name]-[hash][extname]',
      },
    },
  },
});
