import { createPatient, signInClinician, writePlan } from './api';
import { expect, test } from './fixtures';

test('a clinician edits what matters, keeps their words when someone else saved first, and sees it in History', async ({
  page,
  clinician: colleague,
}) => {
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

interface SavedPlan {
  version: number;
  support: { name: string; kind: string; how_to_reach: string; status: string }[];
  goals: { id: string; version: number; description: string; status: string }[];
}

test('a clinician adds, changes and removes support services, saved with the plan version', async ({ page, clinician: api }) => {
  const patient = await createPatient(api, 212, 'Winifred');
  await writePlan(api, patient.id);
  const before = await api.get<SavedPlan>(`/api/patients/${patient.id}/plan`);

  await signInClinician(page);
  await page.getByRole('link', { name: patient.name }).click();
  await expect(page.getByLabel('Condition', { exact: true })).toHaveValue('COPD');

  await page.getByRole('button', { name: 'Add a support service' }).click();
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.locator('.nhsuk-error-summary').first()).toContainText("Enter the support service's name");

  const service = page.getByRole('group', { name: 'New support service' });
  await service.getByLabel('Name').fill('Riverside walking group');
  const walking = page.getByRole('group', { name: 'Riverside walking group' });
  await walking.getByLabel('Kind of support').selectOption('community_group');
  await walking.getByLabel('How to reach them (optional)').fill('Tuesdays 10am, outside the library');
  await walking.getByLabel('Wants to try it').check();
  await page.getByRole('button', { name: 'Add a support service' }).click();
  await page.getByRole('group', { name: 'New support service' }).getByLabel('Name').fill('Breathe Easy');
  await page.getByRole('group', { name: 'Breathe Easy' }).getByLabel('Kind of support').selectOption('peer_support');
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByText(`Plan saved (version ${before.version + 1}).`)).toBeVisible();

  let saved = await api.get<SavedPlan>(`/api/patients/${patient.id}/plan`);
  expect(saved.support).toEqual([
    expect.objectContaining({ name: 'Riverside walking group', kind: 'community_group', how_to_reach: 'Tuesdays 10am, outside the library', status: 'want_to_try' }),
    expect.objectContaining({ name: 'Breathe Easy', kind: 'peer_support', how_to_reach: '', status: 'using' }),
  ]);

  await page.getByRole('button', { name: /^Remove this support service\W+Breathe Easy$/ }).click();
  await walking.getByLabel('Uses it').check();
  await page.getByRole('button', { name: 'Save the plan' }).click();
  await expect(page.getByText(`Plan saved (version ${before.version + 2}).`)).toBeVisible();
  saved = await api.get<SavedPlan>(`/api/patients/${patient.id}/plan`);
  expect(saved.support.map((s) => [s.name, s.status])).toEqual([['Riverside walking group', 'using']]);

  await page.getByRole('link', { name: 'See what changed' }).click();
  await expect(page.locator('main ul.nhsuk-list--border > li').first()).toContainText('Changed: Support beyond medicine');
});

test('a goal edit that meets someone else’s newer save keeps what the clinician typed', async ({ page, clinician: colleague }) => {
  const patient = await createPatient(colleague, 213, 'Maud');
  await writePlan(colleague, patient.id);

  const goal = (await colleague.get<SavedPlan>(`/api/patients/${patient.id}/plan`)).goals[0]!;

  await signInClinician(page);
  await page.getByRole('link', { name: patient.name }).click();
  await page.locator('summary', { hasText: 'Change this goal' }).click();
  const description = page.locator(`#goal-${goal.id}-description`);
  const typed = 'Walk to the allotment and back without stopping';
  await description.fill(typed);

  // Meanwhile a colleague pauses the goal.
  await colleague.patch(`/api/patients/${patient.id}/goals/${goal.id}`, { version: goal.version, status: 'paused' });

  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Someone else changed this goal' })).toBeFocused();
  await expect(description).toHaveValue(typed);
  await expect(page.locator(`#goal-${goal.id}-status`)).toHaveValue('paused');

  await page.getByRole('button', { name: 'Save goal' }).click();
  await expect(page.getByText('Goal saved.')).toBeVisible();
  const saved = (await colleague.get<SavedPlan>(`/api/patients/${patient.id}/plan`)).goals[0]!;
  expect(saved).toMatchObject({ description: typed, status: 'paused', version: goal.version + 2 });
});
