import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { manifest } from './web-manifest.ts';

// Requests the Python server owns; in `vite dev` they go to `careplan serve` on :8000.
const serverOwned = ['/api', '/dev-phone', '/webhooks', '/schema', '/healthz'];

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      registerType: 'autoUpdate',
      // An external script, so the server can use a CSP without 'unsafe-inline'.
      injectRegister: 'script-defer',
      manifest,
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        // A share link's page (/story/…) is the server's, never the app shell.
        navigateFallbackDenylist: [/^\/api\//, /^\/dev-phone/, /^\/webhooks\//, /^\/schema/, /^\/story\//],
        cleanupOutdatedCaches: true,
        // Check-in notifications: shows a push, opens the app on a tap (public/push-sw.js).
        importScripts: ['push-sw.js'],
      },
    }),
  ],
  build: {
    target: 'es2020',
  },
  server: {
    proxy: Object.fromEntries(serverOwned.map((path) => [path, 'http://127.0.0.1:8000'])),
  },
});
