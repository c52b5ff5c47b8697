import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';

const site = (file: string): string => fileURLToPath(new URL(`./site/${file}`, import.meta.url));

/**
 * The web app manifest is a static file (public/manifest.webmanifest), so
 * the PWA plugin's own manifest generation is off; this links it, with the
 * theme colour and touch icon, from the demo's HTML pages.
 */
function manifestLinks(): Plugin {
  return {
    name: 'aloud-manifest-links',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: 'manifest.webmanifest' }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: '#1d4ed8' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: 'icons/apple-touch-icon.png' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'icon', type: 'image/png', href: 'icons/icon-192.png' }, injectTo: 'head' },
    ],
  };
}

/**
 * The demo site (site/): the pages live beside src/, not in it, so the
 * library build (tsconfig.lib.json) holds only the library. The site is the
 * root; public/ and dist/ stay at the top of the repository.
 */
export default defineConfig({
  root: 'site',
  publicDir: fileURLToPath(new URL('./public', import.meta.url)),
  // The fallback voice's worker (src/speech/fallback/espeak-worker.ts) is a
  // module worker: bundled as an ES module, it imports eSpeak's code by URL.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    // dist/ is outside the root, so Vite empties it only when told; the widget build runs after and adds to it.
    emptyOutDir: true,
    rollupOptions: {
      // The demo, the iframe embed page and the embed guide.
      input: { index: site('index.html'), embed: site('embed.html'), 'embed-guide': site('embed-guide.html') },
    },
  },
  plugins: [
    manifestLinks(),
    // Offline demo (docs/offline.md): Workbox precaches the app shell, the
    // seed article (emitted as a hashed asset by site/demo.ts), the icons and
    // the fallback engine with its English voice pack; registration is a
    // separate registerSW.js (never inline: strict CSP).
    VitePWA({
      strategies: 'generateSW',
      injectRegister: 'script',
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,json,webmanifest,png,svg,ico,wav}', '**/en-*.espeak'],
        // The English voice pack (~0.8 MB) and the synthesizer (~0.8 MB) must fit.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        // embed.html?src=… is the same page for every article.
        ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^src$/],
        navigateFallback: null,
        // Take control of the page that installed the worker, not only the next one.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Article fetches: the IndexedDB article cache is the real offline
            // copy and revalidates with ETag / Last-Modified itself. NetworkFirst
            // (never StaleWhileRevalidate, which would answer those checks with
            // its own stale copy) passes 304s straight through, and keeps a
            // few recent articles only for when IndexedDB is unusable.
            urlPattern: ({ sameOrigin, request, url }) =>
              sameOrigin && request.destination === '' && /\.(json|md|txt|html?)$/i.test(url.pathname),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'aloud-articles',
              networkTimeoutSeconds: 4,
              expiration: { maxEntries: 10 },
              cacheableResponse: { statuses: [200] },
            },
          },
          {
            // Other languages' voice packs: content-hashed names never change, so cache first.
            urlPattern: ({ sameOrigin, url }) => sameOrigin && url.pathname.endsWith('.espeak'),
            handler: 'CacheFirst',
            options: { cacheName: 'aloud-voices', expiration: { maxEntries: 4 } },
          },
        ],
      },
    }),
  ],
});
