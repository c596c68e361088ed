// Carers end to end: the patient invites, the carer signs in with their own phone, acts within
// what was granted, the patient sees it attributed, and ending the access takes effect at once.
import type { Browser, Page } from '@playwright/test';
import { createPatient, savedOnDevice, signInPatient, writePlan } from './api';
import { messagesTo, waitForNewCode } from './dev-phone';
import { expect, expectNoAxeViolations, test } from './fixtures';

test.describe.configure({ timeout: 90_000 });

/** A second person on their own phone: a browser context sharing nothing with the patient's. */
async function otherPhone(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  return context.newPage();
}

/** Up to the code: the phone number, then the code read off the dev phone. */
async function enterCode(page: Page, phone: string): Promise<void> {
  await page.goto('/#/sign-in/patient');
  const seen = new Set((await messagesTo(page.request, phone)).map((message) => message.sid));
  await page.getByLabel('Enter your mobile phone number').fill(`0${phone.slice(3)}`);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter the code we sent you' })).toBeVisible();
  await page.getByLabel('Code', { exact: true }).fill(await waitForNewCode(page.request, phone, seen));
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function invite(page: Page, name: string, phone: string, scopes: string[]): Promise<void> {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My carers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My carers' })).toBeVisible();
  await page.getByLabel('Their name').fill(name);
  await page.getByLabel('Their mobile phone number').fill(phone);
  for (const scope of scopes) await page.getByLabel(scope, { exact: true }).check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`We have sent ${name} an invitation.`)).toBeVisible();
}

test('a carer logs a reading for the patient, who sees it, then ends their access', async ({ page, request, clinician, browser, baseURL }) => {
  const alice = await createPatient(clinician, 261, 'Alice');
  await writePlan(clinician, alice.id);
  const carerPhone = '+447700900262';

  await signInPatient(page, request, alice.phone);
  await invite(page, 'Sam Carer', '07700 900262', ['View my plan', 'Log actions and readings']);
  const samCard = page.locator('li.nhsuk-card', { has: page.getByRole('heading', { name: 'Sam Carer' }) });
  await expect(samCard.getByText('Invited', { exact: true })).toBeVisible();

  // The carer signs in with their own phone and accepts.
  const carer = await otherPhone(browser, baseURL);
  await enterCode(carer, carerPhone);
  await expect(carer.getByRole('heading', { level: 1, name: 'People I help' })).toBeVisible();
  await expect(carer.getByText('Alice Testing has asked you to help')).toBeVisible();
  await carer.getByRole('button', { name: /^Accept\W+Alice Testing$/ }).click();
  await expect(carer.getByText('You can now help Alice Testing.')).toBeVisible();
  await carer.getByRole('button', { name: 'Help Alice Testing' }).click();

  // Acting for Alice: a clear banner, and only the screens she allowed.
  await expect(carer.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(carer.getByText('You are helping Alice Testing')).toBeVisible();
  const carerMenu = carer.getByRole('navigation', { name: 'Main menu' });
  await expect(carerMenu.getByRole('link')).toHaveText(['People I help', 'Today', 'Goals', 'Readings', 'My plan']);

  await carerMenu.getByRole('link', { name: 'Readings' }).click();
  await carer.getByRole('link', { name: 'Blood pressure' }).click();
  await carer.getByLabel(/^Top number/).fill('151');
  await carer.getByLabel(/^Bottom number/).fill('93');
  await carer.getByRole('button', { name: 'Save reading' }).click();
  // Once the server has it, it comes back attributed to the carer.
  await expect(carer.getByRole('cell', { name: /151\/93 mmHg/ })).toContainText('Added by Sam Carer (carer)');
  expect((await savedOnDevice(carer)).some((key) => key.startsWith(`cache:${alice.id}/`))).toBe(true);

  // The patient sees who added it, in her readings and in her access log.
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await menu.getByRole('link', { name: 'Readings' }).click();
  await page.getByRole('link', { name: 'Blood pressure' }).click();
  await expect(page.getByRole('cell', { name: /151\/93 mmHg/ })).toContainText('Added by Sam Carer (carer)');

  await menu.getByRole('link', { name: 'Access log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Access log' })).toBeVisible();
  await expect(page.getByText(/^Sam Carer \(carer\) added a reading — /)).toBeVisible();
  await expect(page.getByText(/^Sam Carer \(carer\) accepted your invitation to help you — /)).toBeVisible();
  await page.getByLabel('Show').selectOption({ label: 'Sam Carer (carer)' });
  const entries = page.locator('ul.app-access-log > li');
  await expect(entries.first()).toBeVisible();
  for (const text of await entries.allTextContents()) expect(text).toMatch(/^Sam Carer \(carer\) /);

  // The patient ends the access: the carer's very next request is refused, in plain words.
  await menu.getByRole('link', { name: 'My carers' }).click();
  await expect(samCard.getByText('Helping', { exact: true })).toBeVisible();
  await samCard.getByRole('button', { name: /^End access\W+Sam Carer$/ }).click();
  await expect(samCard.getByText("End Sam Carer's access?")).toBeVisible();
  await samCard.getByRole('button', { name: 'Yes, end access now' }).click();
  await expect(page.getByText("You ended Sam Carer's access.")).toBeVisible();
  await expect(samCard.getByText('Ended', { exact: true })).toBeVisible();

  await carerMenu.getByRole('link', { name: 'Goals' }).click();
  await expect(carer.getByRole('heading', { level: 1, name: 'People I help' })).toBeVisible();
  await expect(carer.getByRole('alert')).toContainText("You no longer have access to Alice Testing's record");
  await expect(carer.getByRole('alert')).toContainText('Alice Testing has ended your access, or it has run out.');
  await expect(carer.getByText('You are helping Alice Testing')).toHaveCount(0);
  // Nothing of hers stays on the carer's phone to open offline.
  await expect.poll(async () => (await savedOnDevice(carer)).filter((key) => key.startsWith(`cache:${alice.id}/`))).toEqual([]);

  // Still refused after a reload: nothing of hers is shown.
  await carer.reload();
  await expect(carer.getByRole('heading', { level: 1, name: 'People I help' })).toBeVisible();
  await expect(carer.getByText('You are not helping anyone yet.', { exact: false })).toBeVisible();
  await carer.goto('/#/readings/blood_pressure');
  await expect(carer.getByRole('heading', { level: 1, name: 'People I help' })).toBeVisible();
  await carer.context().close();
});

test('a phone that is a patient’s and a carer’s chooses who signs in', async ({ page, request, clinician, browser, baseURL }) => {
  const bea = await createPatient(clinician, 263, 'Bea');
  const cyril = await createPatient(clinician, 264, 'Cyril');

  await signInPatient(page, request, bea.phone);
  await invite(page, 'Cyril Testing', `0${cyril.phone.slice(3)}`, ['Answer check-ins']);

  const shared = await otherPhone(browser, baseURL);
  await enterCode(shared, cyril.phone);
  await expect(shared.getByRole('heading', { level: 1, name: 'Who is signing in?' })).toBeVisible();
  await expectNoAxeViolations(shared, 'who is signing in');
  await shared.getByRole('button', { name: 'Sign in as a carer' }).click();
  await expect(shared.getByRole('heading', { level: 1, name: 'People I help' })).toBeVisible();
  await expect(shared.getByText('Bea Testing has asked you to help')).toBeVisible();
  await shared.getByRole('button', { name: 'Sign out' }).click();

  await enterCode(shared, cyril.phone);
  await shared.getByRole('button', { name: 'Sign in as a patient' }).click();
  await expect(shared.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(shared.getByText('Signed in as Cyril Testing')).toBeVisible();
  await shared.context().close();
});
