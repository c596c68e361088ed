import { createPatient, signInPatient } from './api';
import { sendCheckinNow } from './checkins';
import { expect, expectNoAxeViolations, test } from './fixtures';

const QUESTION = 'How many hours did you sleep last night?';

test('the app tells the server a check-in was seen, and offers notifications where they can be had', async ({
  page,
  request,
  clinician,
}) => {
  test.setTimeout(90_000);
  const patient = await createPatient(clinician, 281, 'Nia');
  await sendCheckinNow(clinician, patient.id, { kind: 'number', question: QUESTION, options: { min: 0, max: 24 } });
  await signInPatient(page, request, patient.phone);

  // Messages shows the open check-in: the app says so, naming that check-in.
  const seen = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/patients/${patient.id}/checkins/seen`));
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByRole('region', { name: 'Your check-in' })).toContainText(QUESTION);
  const seenRequest = await seen;
  const thread = (await (await page.request.get(`/api/patients/${patient.id}/messages`)).json()) as { open_checkin: { id: string } };
  expect(seenRequest.postDataJSON()).toEqual({ checkin_ids: [thread.open_checkin.id] });
  // Its text already went (no notification was sent): nothing was held back to skip.
  expect(await (await seenRequest.response())!.json()).toEqual({ texts_not_sent: 0 });

  // This server has no VAPID keys: the choice says texts are used.
  await page.getByRole('link', { name: 'Check-in settings: quiet hours and pausing' }).click();
  const notifications = page.getByRole('region', { name: 'Notifications' });
  await expect(notifications).toContainText('App notifications are not available here, so check-ins come by text message.');
  await expect(notifications.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(page, 'Check-in settings, notifications');
});
