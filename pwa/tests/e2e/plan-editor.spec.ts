import { ApiSession, createPatient, signInClinician, writePlan } from './api';
import { expect, test } from './fixtures';

test('a clinician edits what matters, keeps their words when someone else saved first, and sees it in History', async ({
  page,
  playwright,
  baseURL,
}) => {
  const colleague = await ApiSession.clinician(playwright, baseURL!);
  const patient = await createPatient(colleague, 211, 'Edna');
  await writePlan(colleague, patient.id);

  await signInClinician(page);
  await page.getByRole('link', { name: patient.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Care plan for ${patient.name}` })).toBeVisible();

  const whatMatters = page.getByLabel('What matters to me');
  const typed = 'Dancing at my granddaughter’s wedding in June.';
  await whatMatters.fill(typed);

  // Meanwhile a colleague saves a change to another part of the plan.
  const plan = await colleague.get<{ version: number }>(`/api/patients/${patient.id}/plan`);
  await colleague.patch(`/api/patients/${patient.id}/plan`, { version: plan.version, about_me: 'Lives alone since March.' });

  await page.getByRole('button', { name: 'Save the plan' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'Someone else changed this plan' });
  await expect(conflict).toBeFocused();
  await expect(whatMatters).toHaveValue(typed);
  await expect(page.getByLabel('About me')).toHaveValue('Lives alone since March.');

  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByText(/^Plan saved \(version \d+\)\.$/)).toBeVisible();
  const saved = await colleague.get<{ what_matters: string; about_me: string }>(`/api/patients/${patient.id}/plan`);
  expect(saved).toMatchObject({ what_matters: typed, about_me: 'Lives alone since March.' });
  await colleague.dispose();

  await page.getByRole('link', { name: 'See what changed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `What changed in the plan for ${patient.name}` })).toBeVisible();
  const changes = page.locator('main ul.nhsuk-list--border > li');
  await expect(changes.first()).toContainText('Changed: What matters to me');
  await expect(changes.first()).toContainText('Dr Amira Hassan');
  await expect(changes.nth(1)).toContainText('Changed: About me');

  // No review has happened, so "since the last review" still shows every change.
  const all = await changes.count();
  await page.getByLabel('Only show changes since the last review').check();
  await expect(page.getByText('There has not been a review yet.')).toBeVisible();
  await expect(changes).toHaveCount(all);
});
