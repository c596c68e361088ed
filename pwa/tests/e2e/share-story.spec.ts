// "Share my story": the patient makes a link, someone with no account opens it, the patient
// sees the view in their list and access log, stops the link, and it no longer opens.
import type { Browser, Page } from '@playwright/test';
import { createPatient, signInPatient, WHAT_MATTERS, writePlan } from './api';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 90_000 });

/** Someone else's browser: no cookies, no storage, nothing shared with the patient's. */
async function strangersBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  return context.newPage();
}

test('a link made by the patient opens without signing in, is logged, and stops at once', async ({
  page,
  request,
  clinician,
  browser,
}) => {
  const patient = await createPatient(clinician, 291, 'Rhian');
  await writePlan(clinician, patient.id);
  await signInPatient(page, request, patient.phone);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await menu.getByRole('link', { name: 'Share my story' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share my story' })).toBeVisible();
  await expect(page.getByText('You have not made any links.')).toBeVisible();

  // How long is required; a number of hours is checked against 1 to 720.
  await page.getByRole('button', { name: 'Make link' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Choose how long the link should work');
  await page.getByLabel('A number of hours').check();
  await page.getByLabel('How many hours?').fill('800');
  await page.getByRole('button', { name: 'Make link' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter a whole number of hours from 1 to 720');

  await page.getByLabel('Who is it for? (optional)').fill('Hospital admission');
  await page.getByLabel('3 days').check();
  await page.getByRole('button', { name: 'Make link' }).click();
  await expect(page.getByRole('heading', { name: 'Your link is ready' })).toBeFocused();
  const url = await page.getByLabel('Link to your story').inputValue();
  expect(url).toMatch(/\/story\/[A-Za-z0-9_-]{43}$/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  const card = page.locator('li.nhsuk-card', { has: page.getByRole('heading', { name: 'Hospital admission' }) });
  await expect(card.locator('.nhsuk-tag')).toHaveText('Working');
  await expect(card.getByText('Not opened yet')).toBeVisible();

  // Someone with only the link: no session, no app.
  const stranger = await strangersBrowser(browser);
  const opened = await stranger.goto(url);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()['cache-control']).toBe('no-store');
  expect(opened?.headers()['referrer-policy']).toBe('no-referrer');
  await expect(stranger.getByRole('heading', { level: 1, name: 'My story: Rhian Testing' })).toBeVisible();
  await expect(stranger.getByText(WHAT_MATTERS)).toBeVisible();
  await expect(stranger.getByText('More breathless than usual')).toBeVisible();
  await expect(stranger.getByText('Walk to the allotment and back')).toBeVisible();
  await expect(stranger.getByText('Walk for 20 minutes – every day')).toBeVisible();
  await expect(stranger.getByText('Named clinician: Dr Amira Hassan (GP)')).toBeVisible();
  // The page prints as it is: nothing on it needs the app.
  await stranger.emulateMedia({ media: 'print' });
  await expect(stranger.getByRole('heading', { name: 'What matters to me' })).toBeVisible();

  // The patient sees the view in their list and, named by the link, in the access log.
  await page.reload();
  await expect(card.getByRole('definition').filter({ hasText: /^1$/ })).toBeVisible();
  await page.getByRole('link', { name: 'See when your links were opened in your access log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Access log' })).toBeVisible();
  await expect(page.getByText(/^Share link: Hospital admission was used to view your story — /)).toBeVisible();

  // In the patient's own browser, where the app's service worker answers navigations, the
  // link still reaches the server's page, not the app.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state))
    .toBe('activated');
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'My story: Rhian Testing' })).toBeVisible();
  await page.goBack();

  // Stopping asks first, then works at once.
  await menu.getByRole('link', { name: 'Share my story' }).click();
  await card.getByRole('button', { name: /^Stop this link\W+Hospital admission$/ }).click();
  await expect(card.getByRole('heading', { name: 'Stop Hospital admission?' })).toBeVisible();
  await card.getByRole('button', { name: 'Yes, stop it now' }).click();
  await expect(page.getByText('You stopped Hospital admission.')).toBeVisible();
  await expect(card.locator('.nhsuk-tag')).toHaveText('Stopped');
  await expect(card.getByRole('button', { name: /Stop this link/ })).toHaveCount(0);

  await stranger.emulateMedia({ media: 'screen' });
  const refused = await stranger.reload();
  expect(refused?.status()).toBe(404);
  await expect(stranger.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();
  await expect(stranger.getByText('Rhian')).toHaveCount(0);
  await stranger.context().close();
});
