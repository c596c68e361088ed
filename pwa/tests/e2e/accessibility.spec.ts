import { createPatient, signInClinician, signInPatient, WALK, writePlan } from './api';
import { messagesTo, waitForNewCode } from './dev-phone';
import { expect, expectNoAxeViolations, test } from './fixtures';

// Each axe run takes a second or two, and these walk through every screen.
test.describe.configure({ timeout: 90_000 });

test('the patient screens have no axe violations', async ({ page, request, clinician }) => {
  const patient = await createPatient(clinician, 221, 'Ada');
  await writePlan(clinician, patient.id);

  await signInPatient(page, request, patient.phone);
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await expect(page.getByRole('heading', { name: WALK })).toBeVisible();
  await expectNoAxeViolations(page, 'Today');

  await page.getByRole('button', { name: 'Partly' }).click();
  await expect(page.getByText('You said: Partly')).toBeVisible();
  await expectNoAxeViolations(page, 'Today, logged');
  await page.locator('summary', { hasText: 'Add a note' }).click();
  await page.getByRole('button', { name: /^Save note/ }).click();
  await expect(page.getByLabel('Your note')).toBeFocused();
  await expectNoAxeViolations(page, 'Today, note with an error');
  await page.getByLabel('Your note').fill('Slow, but I got there.');
  await page.getByRole('button', { name: /^Save note/ }).click();
  await expect(page.getByText('Your note: Slow, but I got there.')).toBeVisible();
  await expectNoAxeViolations(page, 'Today, with a note');

  await menu.getByRole('link', { name: 'Goals' }).click();
  await expect(page.getByRole('heading', { name: 'Walk to the allotment and back' })).toBeVisible();
  await expectNoAxeViolations(page, 'Goals');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page, 'Goals, error');
  await page.getByLabel('Your goal, in your own words').fill('Sleep through the night');
  await page.getByLabel('How important is this to you?').selectOption('7');
  await page.getByRole('button', { name: 'Add goal' }).click();
  await expect(page.getByRole('heading', { name: 'Sleep through the night' })).toBeVisible();

  await menu.getByRole('link', { name: 'Readings' }).click();
  await expect(page.getByRole('link', { name: 'Blood pressure' })).toBeVisible();
  await expectNoAxeViolations(page, 'Readings');
  await page.getByRole('link', { name: 'Blood pressure' }).click();
  await page.getByRole('button', { name: 'Save reading' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page, 'Reading form, errors');
  await page.getByLabel(/^Top number/).fill('142');
  await page.getByLabel(/^Bottom number/).fill('88');
  await page.getByRole('button', { name: 'Save reading' }).click();
  await expect(page.getByRole('cell', { name: '142/88 mmHg' })).toBeVisible();
  await expect(page.locator('.app-chart canvas').first()).toBeVisible();
  await expectNoAxeViolations(page, 'Blood pressure, with chart');

  await menu.getByRole('link', { name: 'My plan' }).click();
  await expect(page.getByRole('heading', { name: 'Amber: I feel worse' })).toBeVisible();
  await expectNoAxeViolations(page, 'My plan');
  await page.getByRole('link', { name: 'What has changed in my plan' }).click();
  await expect(page.locator('main ul.nhsuk-list--border > li').first()).toContainText('By Ada Testing');
  await expectNoAxeViolations(page, 'What has changed');
  await page.getByLabel('Show all changes, not only those since my last review').check();
  await expect(page.locator('main ul.nhsuk-list--border > li').first()).toBeVisible();
  await expectNoAxeViolations(page, 'What has changed, every change');

  await menu.getByRole('link', { name: 'My review' }).click();
  await expect(page.getByText('58 mmol/mol')).toBeVisible();
  await expectNoAxeViolations(page, 'Prepare for my review');
  await page.getByLabel('Thing to talk about 1').fill('My breathing at night');
  await page.getByRole('button', { name: 'Send to my care team' }).click();
  await expect(page.getByText('Sent. Your care team will see this before your review.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Thing to talk about 1')).toHaveValue('My breathing at night');

  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paratoi ar gyfer fy adolygiad' })).toBeVisible();
  // Welsh dates come from our own words: Chromium has no Welsh locale data.
  await expect(page.getByText('Mae eich adolygiad ar 15 Mawrth 2027 gyda Dr Amira Hassan.')).toBeVisible();
  await expectNoAxeViolations(page, 'Prepare for my review in Welsh');
  await page.getByRole('link', { name: 'Beth sydd wedi newid yn fy nghynllun ers fy adolygiad diwethaf' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beth sydd wedi newid' })).toBeVisible();
  await expect(page.locator('main ul.nhsuk-list--border > li').first()).toBeVisible();
  await expectNoAxeViolations(page, 'What has changed in Welsh');
  await page.getByRole('button', { name: 'English' }).click();
});

test('the plan editor and History have no axe violations', async ({ page, clinician }) => {
  const patient = await createPatient(clinician, 222, 'Bert');
  await writePlan(clinician, patient.id);

  await signInClinician(page);
  await expectNoAxeViolations(page, 'patient list');
  await page.getByRole('link', { name: patient.name }).click();
  await expect(page.getByLabel('Condition', { exact: true })).toHaveValue('COPD');
  await expectNoAxeViolations(page, 'plan editor');

  // Open every "change" form and add a support service, then check again with all the fields showing.
  await page.getByRole('button', { name: 'Add a support service' }).click();
  for (const summary of await page.locator('summary').all()) await summary.click();
  await page.getByLabel('Condition', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.locator('.nhsuk-error-summary').first()).toBeFocused();
  await expectNoAxeViolations(page, 'plan editor, all forms open, with an error');

  await page.getByRole('link', { name: 'See what changed' }).click();
  await expect(page.locator('main ul.nhsuk-list--border > li').first()).toBeVisible();
  await expectNoAxeViolations(page, 'History');
});

test('the carer and access log screens have no axe violations', async ({ page, request, clinician, browser, baseURL }) => {
  const patient = await createPatient(clinician, 271, 'Ivy');
  await writePlan(clinician, patient.id);
  const carerPhone = '+447700900272';

  await signInPatient(page, request, patient.phone);
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await menu.getByRole('link', { name: 'My carers' }).click();
  await expect(page.getByText('You have not invited any carers.')).toBeVisible();
  await expectNoAxeViolations(page, 'My carers, none yet');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page, 'My carers, invitation with errors');
  await page.getByLabel('Their name').fill('Rhys Carer');
  await page.getByLabel('Their mobile phone number').fill('07700 900272');
  await page.getByLabel('How do you know them? (optional)').fill('Grandson');
  await page.getByLabel('View my plan', { exact: true }).check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('We have sent Rhys Carer an invitation.')).toBeVisible();
  await page.locator('summary', { hasText: 'Change what Rhys Carer can do' }).click();
  await page.getByRole('button', { name: /^End access/ }).click();
  await expect(page.getByText("End Rhys Carer's access?")).toBeVisible();
  await expectNoAxeViolations(page, 'My carers, change form and end confirmation open');
  await page.getByRole('button', { name: 'No, keep it' }).click();

  await menu.getByRole('link', { name: 'Access log' }).click();
  await expect(page.getByText(/^Ivy Testing \(patient\) invited a carer to help you — /)).toBeVisible();
  await expectNoAxeViolations(page, 'Access log');

  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 } });
  const carer = await context.newPage();
  await carer.goto('/#/sign-in/patient');
  const seen = new Set((await messagesTo(request, carerPhone)).map((message) => message.sid));
  await carer.getByLabel('Enter your mobile phone number').fill('07700 900272');
  await carer.getByRole('button', { name: 'Send code' }).click();
  await carer.getByLabel('Code', { exact: true }).fill(await waitForNewCode(request, carerPhone, seen));
  await carer.getByRole('button', { name: 'Sign in' }).click();
  await expect(carer.getByText('Ivy Testing has asked you to help')).toBeVisible();
  await expectNoAxeViolations(carer, 'People I help, an invitation');
  await carer.getByRole('button', { name: /^Accept/ }).click();
  await carer.getByRole('button', { name: 'Help Ivy Testing' }).click();
  await expect(carer.getByText('You are helping Ivy Testing')).toBeVisible();
  await expect(carer.getByRole('heading', { name: WALK })).toBeVisible();
  await expectNoAxeViolations(carer, 'Today, for a carer who may only view');

  await menu.getByRole('link', { name: 'My carers' }).click();
  await page.getByRole('button', { name: /^End access/ }).click();
  await page.getByRole('button', { name: 'Yes, end access now' }).click();
  await expect(page.getByText("You ended Rhys Carer's access.")).toBeVisible();
  await expectNoAxeViolations(page, 'My carers, a past carer');
  await carer.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Goals' }).click();
  await expect(carer.getByRole('alert')).toContainText("You no longer have access to Ivy Testing's record");
  await expectNoAxeViolations(carer, 'People I help, access ended');
  await context.close();
});

test('Share my story and the story page have no axe violations', async ({ page, request, clinician, browser }) => {
  const patient = await createPatient(clinician, 292, 'Owain');
  await writePlan(clinician, patient.id);
  await signInPatient(page, request, patient.phone);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Share my story' }).click();
  await expect(page.getByText('You have not made any links.')).toBeVisible();
  await expectNoAxeViolations(page, 'Share my story, no links yet');
  await page.getByLabel('A number of hours').check();
  await page.getByRole('button', { name: 'Make link' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expectNoAxeViolations(page, 'Share my story, with an error');
  await page.getByLabel('How many hours?').fill('12');
  await page.getByLabel('Who is it for? (optional)').fill('Out of hours');
  await page.getByRole('button', { name: 'Make link' }).click();
  await expect(page.getByRole('heading', { name: 'Your link is ready' })).toBeFocused();
  await page.getByRole('button', { name: /^Stop this link\W+Out of hours$/ }).click();
  await expectNoAxeViolations(page, 'Share my story, a new link and the stop question');
  const url = await page.getByLabel('Link to your story').inputValue();

  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const reader = await context.newPage();
  await reader.goto(url);
  await expect(reader.getByRole('heading', { level: 1, name: 'My story: Owain Testing' })).toBeVisible();
  await expectNoAxeViolations(reader, 'the story page');
  await page.getByRole('button', { name: 'Yes, stop it now' }).click();
  await expect(page.getByText('You stopped Out of hours.')).toBeVisible();
  await expectNoAxeViolations(page, 'Share my story, a stopped link');
  await reader.reload();
  await expect(reader.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();
  await expectNoAxeViolations(reader, 'the story not-found page');
  await context.close();
});
