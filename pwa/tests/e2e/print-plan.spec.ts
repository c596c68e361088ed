// "Print my plan": the demo's fullest plan (three conditions, each with green, amber and red
// zones) prints on one A4 page with what matters, goals, actions, "if I get worse" and who to
// call, and without the app's menu and buttons.
import { signInPatient } from './api';
import { expect, test } from './fixtures';

const MARGARET = '+447700900101';

test('My plan prints on one page with every section and no app controls', async ({ page, request }) => {
  await signInPatient(page, request, MARGARET);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My plan' }).click();
  await expect(page.getByRole('heading', { name: 'High blood pressure' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print my plan' })).toBeVisible();
  await expect(page.getByText(/^Plan for Margaret Jones, printed /)).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print my plan' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await expect(page.getByText(/^Plan for Margaret Jones, printed /)).toBeVisible();
  for (const heading of [
    'What matters to me',
    'My conditions and what to do if I get worse',
    'My goals',
    'What I do',
    'My care team and who to call',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByText('Being able to walk to my allotment and look after Ron.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Amber: I feel worse' }).first()).toBeVisible();
  await expect(page.getByText('Walk to the allotment and back without stopping')).toBeVisible();
  await expect(page.getByText('Walk for 20 minutes')).toBeVisible();
  await expect(page.getByText('Dr Amira Hassan')).toBeVisible();
  const team = page.locator('section', { has: page.getByRole('heading', { name: 'My care team and who to call' }) });
  await expect(team.getByText('Riverside Medical Practice, 01632 960000 (8am to 6:30pm), or 111')).toBeVisible();

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages, 'pages in the printed plan').toHaveLength(1);
});

test('My plan offers the whole record as a FHIR R4 Bundle', async ({ page, request }) => {
  await signInPatient(page, request, MARGARET);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My plan' }).click();
  const link = page.getByRole('link', { name: /Download my whole record/ });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('careplan-record.fhir.json');
  const bundle = JSON.parse(await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8'));
  expect(bundle.resourceType).toBe('Bundle');
  expect(bundle.type).toBe('collection');
  expect(bundle.entry.some((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'CarePlan')).toBe(true);
});
