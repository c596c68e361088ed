import { expect, expectNoAxeViolations, test } from './fixtures';

test('switching to Cymraeg changes the words and the page language, and is remembered', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: 'Cymraeg' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByRole('heading', { level: 1, name: 'Mewngofnodi i Careplan' })).toBeVisible();
  await expect(page).toHaveTitle('Mewngofnodi i Careplan – Careplan');
  await expectNoAxeViolations(page, 'Welsh start');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await page.getByRole('link', { name: /cod neges destun/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rhowch rif eich ffôn symudol' })).toBeVisible();

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your mobile phone number' })).toBeVisible();
});
