import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { ApiSession } from './api';

function serverUrl(): string {
  const url = process.env.CAREPLAN_E2E_URL;
  if (!url) throw new Error('CAREPLAN_E2E_URL is not set: global-setup did not run');
  return url;
}

/**
 * Tests run against the server global-setup started, on a port chosen at run time. The demo
 * clinician's API session is signed in once per worker: the server allows only a few password
 * sign-ins per email in 15 minutes, and each test signing in again would soon spend them.
 */
export const test = base.extend<object, { clinician: ApiSession }>({
  baseURL: async ({}, use) => {
    await use(serverUrl());
  },
  clinician: [
    async ({ playwright }, use) => {
      const session = await ApiSession.clinician(playwright, serverUrl());
      await use(session);
      await session.dispose();
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** Every axe-core rule (WCAG 2.0–2.2 A/AA and best practice) passes on the page as it is now. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe violations on the ${screen} screen`).toEqual([]);
}
