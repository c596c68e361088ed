import { createPatient, savedOnDevice, signInPatient, WALK, WHAT_MATTERS, writePlan } from './api';
import { expect, test } from './fixtures';

interface Today {
  items: { action: { what: string }; log: { id: string; outcome: string } | null }[];
}
interface ReadingPage {
  items: { id: string; value: number; unit: string }[];
}

test('offline, a log and a reading wait in the outbox, are stored once back online, and the plan opens offline', async ({
  page,
  context,
  request,
  clinician,
}) => {
  const patient = await createPatient(clinician, 201, 'Olive');
  await writePlan(clinician, patient.id);

  await signInPatient(page, request, patient.phone);
  const walk = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: WALK }) });
  await expect(walk).toContainText('Not logged yet');

  // The service worker controls the page, and the app has saved its copies for offline use.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state))
    .toBe('activated');
  await expect
    .poll(() =>
      page.evaluate(
        (patientId) =>
          new Promise<string[]>((resolve) => {
            const open = indexedDB.open('careplan');
            open.onsuccess = () => {
              const keys = open.result.transaction('cache').objectStore('cache').getAllKeys();
              keys.onsuccess = () => resolve((keys.result as string[]).filter((k) => k.startsWith(patientId) || k === 'reading-types').sort());
            };
          }),
        patient.id,
      ),
    )
    .toEqual(expect.arrayContaining([`${patient.id}/plan`, `${patient.id}/today`, 'reading-types']));

  await context.setOffline(true);
  await expect(page.getByText("You're offline.", { exact: false }).first()).toBeVisible();

  await walk.getByRole('button', { name: 'Done' }).click();
  await expect(walk).toContainText('You said: Done (waiting to send)');
  await expect(page.getByText('1 waiting to send')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Readings' }).click();
  await page.getByRole('link', { name: 'Blood sugar (glucose)' }).click();
  await page.getByLabel('Reading (mmol/L)').fill('7.4');
  await page.getByRole('button', { name: 'Save reading' }).click();
  await expect(page.getByText('Reading saved: 7.4 mmol/L.')).toBeVisible();
  await expect(page.getByText('2 waiting to send')).toBeVisible();

  // The outbox outlives a reload (still offline): the app opens from the service worker.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Blood sugar (glucose)' })).toBeVisible();
  await expect(page.getByText('2 waiting to send')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '7.4 mmol/L' })).toContainText('Waiting to send');

  // Back online: the outbox sends both and the badge goes.
  await context.setOffline(false);
  await expect(page.locator('.app-outbox__waiting')).toHaveCount(0);
  await expect(page.getByRole('cell', { name: /^7\.4 mmol\/L$/ })).toBeVisible();
  await expect(page.getByText('Waiting to send')).toHaveCount(0);

  // Stored exactly once, through the API with the patient's own session.
  const today = await (await page.request.get(`/api/patients/${patient.id}/today`)).json() as Today;
  const logged = today.items.find((item) => item.action.what === WALK);
  expect(logged?.log?.outcome).toBe('done');
  const readings = await (await page.request.get(`/api/patients/${patient.id}/readings?reading_type=glucose`)).json() as ReadingPage;
  expect(readings.items.map((r) => [r.value, r.unit])).toEqual([[7.4, 'mmol/L']]);

  // Sending the same mutation again (its id is the reading's id) is a duplicate, not a second reading.
  const { csrf_token } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrf_token: string };
  const replay = await page.request.post('/api/sync', {
    headers: { 'X-CSRFToken': csrf_token },
    data: {
      mutations: [
        {
          id: readings.items[0]!.id,
          kind: 'record_reading',
          patient_id: patient.id,
          data: { reading_type: 'glucose', value: 7.4, value2: null, unit: 'mmol/L', taken_at: Date.now(), note: null },
          made_at: Date.now(),
        },
      ],
    },
  });
  expect((await replay.json()).results).toEqual([expect.objectContaining({ status: 'duplicate' })]);
  const again = (await (await page.request.get(`/api/patients/${patient.id}/readings?reading_type=glucose`)).json()) as ReadingPage;
  expect(again.items).toHaveLength(1);

  // Offline again, a reload opens the app from the service worker and the plan from IndexedDB.
  await context.setOffline(true);
  await page.goto('/#/my-plan');
  await expect(page.getByRole('heading', { level: 1, name: 'My plan' })).toBeVisible();
  await expect(page.getByText(WHAT_MATTERS)).toBeVisible();
  await expect(page.getByText(/This is the copy saved on this phone/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Red: I need help now' })).toBeVisible();

  // Signing out with something unsent warns first; once it is sent, signing out clears the device.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Today' }).click();
  await walk.getByRole('button', { name: 'Not today' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('alert')).toContainText('Some of your changes have not been sent yet (1 waiting)');
  await context.setOffline(false);
  await expect(page.locator('.app-outbox__waiting')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Careplan' })).toBeVisible();
  expect(await savedOnDevice(page)).toEqual([]);
});
