import type { ManifestOptions } from 'vite-plugin-pwa';

/** The web app manifest; vite-plugin-pwa writes it to /manifest.webmanifest. */
export const manifest: Partial<ManifestOptions> = {
  name: 'Careplan',
  short_name: 'Careplan',
  description: 'Your care plan, goals and check-ins in one place.',
  lang: 'en-GB',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  theme_color: '#005eb8',
  background_color: '#f0f4f5',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
