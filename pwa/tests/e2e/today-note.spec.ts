import { createPatient, signInPatient, WALK, writePlan } from './api';
import { expect, test } from './fixtures';

interface Today {
  items: { action: { what: string }; log: { id: string; outcome: string; note: string | null } | null }[];
}

test('a note added after logging is sent with the log and stored once, and survives a change of outcome', async ({
  page,
  request,
  clinician,
}) => {
  const patient = await createPatient(clinician, 241, 'Nora');
  await writePlan(clinician, patient.id);

  const walkLog = async () => {
    const today = (await (await page.request.get(`/api/patients/${patient.id}/today`)).json()) as Today;
    return today.items.find((item) => item.action.what === WALK)?.log ?? null;
  };
  const sent = () => expect(page.locator('.app-outbox__waiting')).toHaveCount(0);

  await signInPatient(page, request, patient.phone);
  const walk = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: WALK }) });
  // Nothing to note until the action is logged: one tap logs it.
  const addNote = walk.locator('summary', { hasText: 'Add a note' });
  await expect(addNote).toHaveCount(0);
  await walk.getByRole('button', { name: 'Done' }).click();
  await expect(walk).toContainText('You said: Done');
  await sent();
  expect(await walkLog()).toMatchObject({ outcome: 'done', note: null });

  const note = 'Went with Jim, knee a bit sore.';
  await addNote.click();
  await walk.getByLabel('Your note').fill(`  ${note}  `);
  await walk.getByRole('button', { name: /^Save note/ }).click();
  await expect(walk.getByRole('status').filter({ hasText: 'Note saved.' })).toBeVisible();
  await expect(walk).toContainText(`Your note: ${note}`);
  await expect(walk.getByLabel('Your note')).toBeHidden();
  await sent();
  const noted = await walkLog();
  expect(noted).toMatchObject({ outcome: 'done', note });

  // Changing the outcome keeps the note; a reload shows what the server stored.
  await walk.getByRole('button', { name: 'Partly' }).click();
  await sent();
  await expect.poll(walkLog).toMatchObject({ outcome: 'partly', note });
  await page.reload();
  await expect(walk).toContainText('You said: Partly');
  await expect(walk).toContainText(`Your note: ${note}`);
  await expect(walk.locator('summary', { hasText: 'Change your note' })).toBeVisible();
});
