import { createPatient, signInPatient, writePlan } from './api';
import { expect, test } from './fixtures';

test('a patient sees what their clinician changed since their last review, by name, and can see every change', async ({
  page,
  request,
  clinician,
}) => {
  const patient = await createPatient(clinician, 231, 'Iris');
  await writePlan(clinician, patient.id);
  const base = `/api/patients/${patient.id}`;

  // The review is held (and completed) after the plan was written, then a change after it.
  const [review] = await clinician.get<{ id: string }[]>(`${base}/reviews`);
  let plan = await clinician.get<{ version: number }>(`${base}/plan`);
  await clinician.post(`${base}/reviews/${review!.id}/complete`, {
    agreed: 'Keep walking; start the rescue pack sooner.',
    next_review_date: '2027-09-15',
    plan_version: plan.version,
  });
  plan = await clinician.get<{ version: number }>(`${base}/plan`);
  await clinician.patch(`${base}/plan`, { version: plan.version, what_matters: 'Dancing at the wedding in June.' });

  await signInPatient(page, request, patient.phone);
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await menu.getByRole('link', { name: 'My plan' }).click();
  await page.getByRole('link', { name: 'What has changed in my plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What has changed' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'My plan' })).toHaveAttribute('aria-current', 'page');

  const changes = page.locator('main ul.nhsuk-list--border > li');
  const whatMatters = changes.filter({ hasText: 'Your plan: changed what matters to me' });
  await expect(whatMatters).toContainText('By Dr Amira Hassan');
  await expect(whatMatters).toContainText('Changed: What matters to me');
  await expect(page.getByText(/^Your last review was on /)).toBeVisible();
  // The goal was added before the review: only shown when asking for every change.
  const goalAdded = changes.filter({ hasText: 'Goal “Walk to the allotment and back”: created' });
  await expect(goalAdded).toHaveCount(0);
  await page.getByLabel('Show all changes, not only those since my last review').check();
  await expect(goalAdded).toHaveCount(1);
  await expect(goalAdded).toContainText('By Dr Amira Hassan');

  // The same screen from Prepare for my review; Back returns there.
  await menu.getByRole('link', { name: 'My review' }).click();
  await page.getByRole('link', { name: 'What has changed in my plan since my last review' }).click();
  await expect(whatMatters).toContainText('By Dr Amira Hassan');
  await expect(menu.getByRole('link', { name: 'My review' })).toHaveAttribute('aria-current', 'page');

  // In Welsh, our words are translated; the server's summaries stay as they are, marked English.
  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beth sydd wedi newid' })).toBeVisible();
  await expect(page.getByText("Mae'r disgrifiadau o'r newidiadau yn Saesneg.")).toBeVisible();
  await expect(whatMatters).toContainText('Gan Dr Amira Hassan');
  await expect(whatMatters).toContainText("Wedi newid: Beth sy'n bwysig i mi");
  await expect(whatMatters.locator('strong')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Yn ôl' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Paratoi ar gyfer fy adolygiad' })).toBeVisible();
});
