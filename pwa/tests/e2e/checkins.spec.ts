import { createPatient, signInClinician, signInPatient, writePlan } from './api';
import { sendCheckinNow } from './checkins';
import { messagesTo } from './dev-phone';
import { expect, expectNoAxeViolations, test } from './fixtures';

// Each axe run takes a second or two, and these walk through several screens.
test.describe.configure({ timeout: 120_000 });

const QUESTION = 'What is your blood pressure this morning?';

interface ReadingPage {
  items: { value: number; value2: number | null; source: string }[];
}

test('a patient answers a check-in in the app, writes offline, and sets quiet hours and a pause', async ({
  page,
  context,
  request,
  clinician,
}) => {
  const patient = await createPatient(clinician, 251, 'Cora');
  await sendCheckinNow(clinician, patient.id, { kind: 'reading', question: QUESTION, options: { reading_type: 'blood_pressure' } });
  // The check-in went out by text too.
  expect((await messagesTo(request, patient.phone)).some((m) => m.body.includes(QUESTION))).toBe(true);

  await signInPatient(page, request, patient.phone);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
  const thread = page.getByRole('list', { name: 'Messages, oldest first' });
  await expect(thread.getByRole('listitem').filter({ hasText: 'Check-in question' })).toContainText(QUESTION);
  const checkin = page.getByRole('region', { name: 'Your check-in' });
  await expect(checkin).toContainText(QUESTION);
  await expect(page.getByText('Not for emergencies')).toBeVisible();
  await expectNoAxeViolations(page, 'Messages, check-in open');

  // The reading's own checks apply, as on the Readings screen.
  await checkin.getByLabel(/^Top number/).fill('142');
  await checkin.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toBeFocused();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter the bottom number');
  await expectNoAxeViolations(page, 'Messages, answer with an error');
  await checkin.getByLabel(/^Bottom number/).fill('88');
  await checkin.getByRole('button', { name: 'Send answer' }).click();

  await expect(page.getByText('Thank you. Your answer (142/88) has been sent.')).toBeVisible();
  await expect(thread.getByRole('listitem').last()).toContainText('You');
  await expect(thread.getByRole('listitem').last()).toContainText('142/88');
  await expect(checkin).toHaveCount(0);
  // Read by the same pipeline as a texted reply: stored as a reading from the check-in.
  await expect
    .poll(async () => {
      const readings = (await (await page.request.get(`/api/patients/${patient.id}/readings?reading_type=blood_pressure`)).json()) as ReadingPage;
      return readings.items.map((r) => [r.value, r.value2]);
    })
    .toEqual([[142, 88]]);
  await page.reload();
  await expect(thread.getByRole('listitem').filter({ hasText: '142/88' })).toHaveCount(1);
  await expect(checkin).toHaveCount(0);

  // Offline, a message waits in the outbox, shown as waiting, and is sent once back online.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state))
    .toBe('activated');
  await context.setOffline(true);
  await page.getByLabel('Your message').fill('Written with no signal: my ankles are a bit swollen.');
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByText("Message saved. We'll send it when you're back online.")).toBeVisible();
  const waiting = thread.getByRole('listitem').filter({ hasText: 'Written with no signal' });
  await expect(waiting).toContainText('Waiting to send');
  await expect(page.getByText('1 waiting to send')).toBeVisible();
  await expectNoAxeViolations(page, 'Messages, a message waiting offline');
  await context.setOffline(false);
  await expect(page.locator('.app-outbox__waiting')).toHaveCount(0);
  await expect(waiting).not.toContainText('Waiting to send');
  await page.reload();
  await expect(thread.getByRole('listitem').filter({ hasText: 'Written with no signal' })).toHaveCount(1);

  // Check-in settings: quiet hours, a pause, and the patient's own check-ins.
  await page.getByRole('link', { name: 'Check-in settings: quiet hours and pausing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check-in settings' })).toBeVisible();
  await expect(page.getByRole('heading', { name: QUESTION })).toBeVisible();
  await expectNoAxeViolations(page, 'Check-in settings');
  await page.getByLabel('No check-ins from').fill('22:00');
  await page.getByLabel('Until', { exact: true }).fill('07:30');
  await page.getByRole('button', { name: 'Save quiet hours' }).click();
  await expect(page.getByText('Quiet hours saved: no check-ins from 22:00 until 07:30.')).toBeVisible();
  await page.getByRole('button', { name: 'Pause for 1 week' }).first().click();
  await expect(page.getByText(/^Check-ins are paused until /)).toBeVisible();
  await expectNoAxeViolations(page, 'Check-in settings, paused');
  const settings = (await (await page.request.get(`/api/patients/${patient.id}/checkin-settings`)).json()) as {
    quiet_start: string;
    quiet_end: string;
    paused_until: number | null;
  };
  expect(settings).toMatchObject({ quiet_start: '22:00', quiet_end: '07:30' });
  expect(settings.paused_until).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  await page.getByRole('button', { name: 'Restart check-ins now' }).click();
  await expect(page.getByText('Check-ins are on.')).toBeVisible();
  await page.getByLabel('Or pause until a date').fill('2020-01-01');
  await page.getByRole('button', { name: 'Pause until this date' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter a date in the future');
  await expectNoAxeViolations(page, 'Check-in settings, date error');

  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gosodiadau gwirio' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Prif ddewislen' }).getByRole('link', { name: 'Negeseuon' }).click();
  await expect(page.getByText('Nid ar gyfer argyfyngau')).toBeVisible();
  await expectNoAxeViolations(page, 'Messages in Welsh');
  await page.getByRole('button', { name: 'English' }).click();
});

test('a clinician sees a new inbox item arrive live, replies, and the patient reads the reply', async ({
  page,
  browser,
  request,
  clinician,
}) => {
  const patient = await createPatient(clinician, 252, 'Dora');
  await writePlan(clinician, patient.id);

  await signInClinician(page);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Inbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(page.getByText('This list updates by itself as new items arrive.')).toBeVisible();
  await expectNoAxeViolations(page, 'Inbox');

  // The patient writes in the app, in another browser.
  const patientContext = await browser.newContext();
  const patientPage = await patientContext.newPage();
  await signInPatient(patientPage, request, patient.phone);
  await patientPage.goto('/#/messages');
  await patientPage.getByLabel('Your message').fill('I have chest pain since this morning');
  await patientPage.getByRole('button', { name: 'Send message' }).click();
  await expect(patientPage.getByText('Message sent.')).toBeVisible();
  // The safety-net answer comes at once, in the app.
  await expect(patientPage.getByRole('listitem').filter({ hasText: 'Automatic safety message' })).toContainText('999');

  // It arrives in the clinician's inbox without a reload, urgent, announced politely.
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: `${patient.name}: Red flag words` }) });
  await expect(item).toBeVisible();
  await expect(item).toContainText('Urgent');
  await expect(item).toContainText('New');
  await expect(page.getByRole('status').filter({ hasText: `New urgent item: Red flag words from ${patient.name}.` })).toHaveCount(1);
  await expect(page.locator('.app-inbox > li').first()).toContainText('Urgent');
  await expectNoAxeViolations(page, 'Inbox, with a new urgent item');

  await item.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: `${patient.name}: Red flag words` })).toBeVisible();
  const conversation = page.getByRole('region', { name: 'Conversation' });
  await expect(conversation.getByRole('listitem').filter({ hasText: 'I have chest pain since this morning' })).toContainText(patient.name);
  await expect(page.getByText('No reply yet')).toBeVisible();
  await expectNoAxeViolations(page, 'Inbox item');

  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Write your reply');
  await page.getByLabel(`Reply to ${patient.name}`).fill('Dr Hassan here. Please call 999 now if the pain is severe; I will ring you in 10 minutes.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText('Reply sent.')).toBeVisible();
  await expect(conversation.getByRole('listitem').last()).toContainText('I will ring you in 10 minutes');
  await expect(page.getByText(/^After under a minute|^After 1 minute/)).toBeVisible();

  await page.getByLabel('Add a note').fill('Rang the patient; ambulance not needed.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Rang the patient; ambulance not needed.')).toBeVisible();
  const colleagues = page.getByLabel('Colleague', { exact: true });
  const someone = (await colleagues.locator('option').nth(1).textContent())!;
  await colleagues.selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByText(`Assigned to ${someone.replace(/ \(.*\)$/, '')}.`)).toBeVisible();
  await expectNoAxeViolations(page, 'Inbox item, replied and noted');
  await page.getByRole('button', { name: 'Mark as dealt with' }).click();
  await expect(page.getByText('Marked as dealt with.')).toBeVisible();

  // The reply went by text, and the patient reads it in the app.
  await expect
    .poll(async () => (await messagesTo(request, patient.phone)).some((m) => m.body.includes('I will ring you in 10 minutes')))
    .toBe(true);
  await patientPage.reload();
  const reply = patientPage.getByRole('listitem').filter({ hasText: 'I will ring you in 10 minutes' });
  await expect(reply).toContainText('Dr Amira Hassan, your care team');
  await expectNoAxeViolations(patientPage, 'Messages, with a reply');
  await patientContext.close();
});

test('the caseload and the check-in editor work and have no axe violations', async ({ page, clinician }) => {
  const patient = await createPatient(clinician, 253, 'Hilda');
  await writePlan(clinician, patient.id);

  await signInClinician(page);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Caseload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caseload' })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: patient.name }) });
  await expect(row).toBeVisible();
  await expectNoAxeViolations(page, 'Caseload');

  await row.getByRole('link', { name: new RegExp(`^Check-ins\\s*: ${patient.name}$`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Check-ins for ${patient.name}` })).toBeVisible();
  await expect(page.getByText('No check-ins are set up yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Set up check-in' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Enter the question');
  await page.getByLabel('Question').fill('Did you walk today?');
  await page.getByLabel('Whether an action was done').check();
  await page.getByLabel('On chosen days of the week').check();
  await page.getByRole('button', { name: 'Set up check-in' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Choose the action');
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Choose at least one day');
  await expectNoAxeViolations(page, 'Check-in editor, errors');
  await page.getByLabel('Action from the plan').selectOption({ label: 'Walk for 20 minutes' });
  await page.getByLabel('Monday').check();
  await page.getByLabel('Thursday').check();
  await page.getByLabel('Time', { exact: true }).fill('18:30');
  await page.getByRole('button', { name: 'Set up check-in' }).click();
  await expect(page.getByText('Check-in set up: "Did you walk today?".')).toBeVisible();
  const schedule = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Did you walk today?' }) });
  await expect(schedule).toContainText('On Monday, Thursday at 18:30');
  await expect(schedule).toContainText(/Next: /);
  await expectNoAxeViolations(page, 'Check-in editor');

  await schedule.getByRole('button', { name: /^Pause for 1 week\s*: Did you walk today\?$/ }).click();
  await expect(schedule.locator('.nhsuk-tag')).toHaveText('Paused');
  await schedule.getByRole('button', { name: /^Restart\s*: Did you walk today\?$/ }).click();
  await expect(schedule.locator('.nhsuk-tag')).toHaveText('On');
  await schedule.getByRole('button', { name: /^Send now\s*: Did you walk today\?$/ }).click();
  await expect(page.getByText(/^Check-in "Did you walk today\?" is due now/)).toBeVisible();
  await schedule.getByRole('button', { name: /^Stop\s*: Did you walk today\?$/ }).click();
  await expect(schedule.locator('.nhsuk-tag')).toHaveText('Stopped');

  await page.getByRole('link', { name: 'Messages' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: `Messages with ${patient.name}` })).toBeVisible();
  await expectNoAxeViolations(page, 'Conversation');
});
