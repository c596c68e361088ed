import { expect, test } from './fixtures';

test('the app is installable and its shell works offline', async ({ page, request, context }) => {
  const manifestResponse = await request.get('/manifest.webmanifest');
  expect(manifestResponse.status()).toBe(200);
  const manifest = await manifestResponse.json();
  expect(manifest).toMatchObject({
    name: 'Careplan',
    short_name: 'Careplan',
    start_url: '/',
    display: 'standalone',
    theme_color: '#005eb8',
  });
  expect(manifest.icons.map((icon: { purpose: string }) => icon.purpose).sort()).toEqual(['any', 'any', 'maskable']);

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  // Each icon decodes as an image of the size the manifest claims.
  for (const icon of manifest.icons as { src: string; sizes: string }[]) {
    const size = await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      return `${image.naturalWidth}x${image.naturalHeight}`;
    }, icon.src);
    expect(size, icon.src).toBe(icon.sizes);
  }

  // `ready` can resolve while the worker is still activating: wait until precaching is done.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state))
    .toBe('activated');

  // Offline, any page address opens the app from the precache; it says it cannot connect.
  await context.setOffline(true);
  await page.goto('/some/deep/link');
  await expect(page.getByRole('heading', { level: 1, name: 'Sorry, there is a problem with the service' })).toBeVisible();
  await context.setOffline(false);
});
