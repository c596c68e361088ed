import { savedOnDevice } from './api';
import { messagesTo, waitForNewCode } from './dev-phone';
import { expect, expectNoAxeViolations, test } from './fixtures';

const MARGARET = '+447700900101';

test('a patient signs in with a code sent by text message', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Careplan' })).toBeVisible();
  await expectNoAxeViolations(page, 'start');

  await page.getByRole('link', { name: "I'm a patient or carer (text message code)" }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your mobile phone number' })).toBeVisible();
  await expectNoAxeViolations(page, 'phone');

  const seen = new Set((await messagesTo(request, MARGARET)).map((message) => message.sid));
  await page.getByLabel('Enter your mobile phone number').fill('07700 900101');
  await page.getByRole('button', { name: 'Send code' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Enter the code we sent you' })).toBeVisible();
  const codeInput = page.getByLabel('Code', { exact: true });
  await expect(codeInput).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(codeInput).toHaveAttribute('inputmode', 'numeric');
  await expectNoAxeViolations(page, 'code');

  const code = await waitForNewCode(request, MARGARET, seen);

  // A wrong code: the server's own words appear in the NHS.UK error summary.
  const wrongCode = code.slice(0, 5) + ((Number(code[5]) + 1) % 10);
  await codeInput.fill(wrongCode);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const errorSummary = page.locator('.nhsuk-error-summary');
  await expect(errorSummary).toBeFocused();
  await expect(errorSummary.getByRole('link')).not.toHaveText(/^(|Something went wrong.*)$/);
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page, 'code error');

  await codeInput.fill(code);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(page.getByText('Signed in as Margaret Jones')).toBeVisible();
  await expectNoAxeViolations(page, 'home');

  // Reloading keeps the session (GET /api/me); signing out ends it and clears this device.
  await page.reload();
  await expect(page.getByText('Signed in as Margaret Jones')).toBeVisible();
  await expect.poll(() => savedOnDevice(page)).not.toEqual([]);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Careplan' })).toBeVisible();
  expect(await savedOnDevice(page)).toEqual([]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Careplan' })).toBeVisible();
});

test('a clinician signs in with email and password', async ({ browser, baseURL }) => {
  // Its own browser context: nothing shared with the patient's session.
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();

  await page.goto('/');
  await page.getByRole('link', { name: 'I work at the practice (email and password)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in with your practice account' })).toBeVisible();

  await page.getByLabel('Email address').fill('amira.hassan@riverside.example');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page, 'practice sign-in error');

  await page.getByLabel('Password').fill('careplan-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Signed in as Dr Amira Hassan')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Margaret Jones' })).toBeVisible();
  await expectNoAxeViolations(page, 'clinician home');

  await context.close();
});
