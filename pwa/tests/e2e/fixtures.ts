import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Tests run against the server global-setup started, on a port chosen at run time. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.CAREPLAN_E2E_URL;
    if (!url) throw new Error('CAREPLAN_E2E_URL is not set: global-setup did not run');
    await use(url);
  },
});

export { expect };

/** Every axe-core rule (WCAG 2.0–2.2 A/AA and best practice) passes on the page as it is now. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe violations on the ${screen} screen`).toEqual([]);
}
