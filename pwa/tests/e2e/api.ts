// Set-up through the real API, as the demo clinician: each test makes its own patient and
// plan, so it does not depend on demo data or on other tests.
import { expect, type APIRequestContext, type APIResponse, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { messagesTo, waitForNewCode } from './dev-phone';

export const CLINICIAN_EMAIL = 'amira.hassan@riverside.example';
export const DEMO_PASSWORD = 'careplan-demo';

async function ok<T>(response: APIResponse, status = 200): Promise<T> {
  expect(response.status(), `${response.url()}: ${await response.text()}`).toBe(status);
  return (await response.json()) as T;
}

/** An API client with a session: sends the CSRF header on every state-changing call. */
export class ApiSession {
  private constructor(
    readonly request: APIRequestContext,
    private readonly csrf: string,
  ) {}

  static async clinician(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string): Promise<ApiSession> {
    const request = await playwright.request.newContext({ baseURL });
    const { csrf_token } = await ok<{ csrf_token: string }>(await request.get('/api/auth/csrf'));
    const session = new ApiSession(request, csrf_token);
    await session.post('/api/auth/login', { email: CLINICIAN_EMAIL, password: DEMO_PASSWORD });
    return session;
  }

  get<T>(path: string): Promise<T> {
    return this.request.get(path).then((r) => ok<T>(r));
  }

  post<T>(path: string, data: unknown, status = 200): Promise<T> {
    return this.request.post(path, { data, headers: { 'X-CSRFToken': this.csrf } }).then((r) => ok<T>(r, status));
  }

  put<T>(path: string, data: unknown): Promise<T> {
    return this.request.put(path, { data, headers: { 'X-CSRFToken': this.csrf } }).then((r) => ok<T>(r));
  }

  patch<T>(path: string, data: unknown): Promise<T> {
    return this.request.patch(path, { data, headers: { 'X-CSRFToken': this.csrf } }).then((r) => ok<T>(r));
  }

  dispose(): Promise<void> {
    return this.request.dispose();
  }
}

/** A valid NHS test number (999 prefix, Modulus 11 check digit) made from `seed`. */
export function nhsTestNumber(seed: number): string {
  for (let n = seed; ; n++) {
    const first9 = `999${String(n % 1_000_000).padStart(6, '0')}`;
    const total = [...first9].reduce((sum, digit, i) => sum + Number(digit) * (10 - i), 0);
    const check = (11 - (total % 11)) % 11;
    if (check !== 10) return first9 + check;
  }
}

export interface TestPatient {
  id: string;
  phone: string;
  name: string;
}

/** A new patient with the clinician as named clinician; `slot` picks a dev-phone number. */
export async function createPatient(clinician: ApiSession, slot: number, givenName: string): Promise<TestPatient> {
  const me = await clinician.get<{ id: string }>('/api/me');
  const phone = `+447700900${String(slot).padStart(3, '0')}`;
  const patient = await clinician.post<{ id: string }>(
    '/api/patients',
    {
      given_name: givenName,
      family_name: 'Testing',
      birth_date: '1950-05-17',
      nhs_number: nhsTestNumber(slot * 37),
      phone,
      named_clinician_id: me.id,
    },
    201,
  );
  return { id: patient.id, phone, name: `${givenName} Testing` };
}

export const WALK = 'Walk for 20 minutes';
export const WHAT_MATTERS = 'Seeing my grandchildren and getting to the allotment.';

/** A whole plan: what matters, a condition with its zones, a goal, a daily action, a review. */
export async function writePlan(clinician: ApiSession, patientId: string): Promise<void> {
  const base = `/api/patients/${patientId}`;
  await clinician.patch(`${base}/plan`, {
    version: 1,
    what_matters: WHAT_MATTERS,
    about_me: 'I live with my husband. I prefer to be called Peg.',
    review_date: '2027-03-15',
    conditions: [
      {
        id: 'copd',
        display: 'COPD',
        snomed_code: '13645005',
        if_worse: {
          green: { signs: ['Breathing as usual'], what_to_do: ['Take my usual inhalers'], who_to_call: '' },
          amber: { signs: ['More breathless than usual'], what_to_do: ['Start my rescue pack'], who_to_call: 'The practice: 01632 960000' },
          red: { signs: ['Too breathless to speak'], what_to_do: ['Call 999'], who_to_call: '999' },
        },
      },
    ],
  });
  const goal = await clinician.post<{ id: string }>(
    `${base}/goals`,
    { description: 'Walk to the allotment and back', importance: 9, confidence: 6 },
    201,
  );
  await clinician.post(`${base}/actions`, { what: WALK, frequency: 'daily', goal_id: goal.id }, 201);
  const review = await clinician.post<{ id: string }>(`${base}/reviews`, { scheduled_for: '2027-03-15' }, 201);
  await clinician.post(
    `${base}/reviews/${review.id}/results`,
    { label: 'HbA1c', value: '58 mmol/mol', plain_note: 'A little higher than your target of 53. We can talk about it.' },
    201,
  );
}

/** Signs a patient in through the app, reading the code off the dev phone. */
export async function signInPatient(page: Page, request: APIRequestContext, phone: string): Promise<void> {
  await page.goto('/#/sign-in/patient');
  const seen = new Set((await messagesTo(request, phone)).map((message) => message.sid));
  await page.getByLabel('Enter your mobile phone number').fill(`0${phone.slice(3)}`);
  await page.getByRole('button', { name: 'Send code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Enter the code we sent you' })).toBeVisible();
  await page.getByLabel('Code', { exact: true }).fill(await waitForNewCode(request, phone, seen));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

/** Signs the demo GP in through the app. */
export async function signInClinician(page: Page): Promise<void> {
  await page.goto('/#/sign-in/practice');
  await page.getByLabel('Email address').fill(CLINICIAN_EMAIL);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
}

/** Every key in the app's IndexedDB stores: what this device keeps about the person. */
export function savedOnDevice(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const open = indexedDB.open('careplan');
        open.onsuccess = () => {
          const tx = open.result.transaction(['cache', 'meta', 'outbox']);
          const keys: string[] = [];
          let pending = 3;
          for (const store of ['cache', 'meta', 'outbox']) {
            const request = tx.objectStore(store).getAllKeys();
            request.onsuccess = () => {
              keys.push(...request.result.map((key) => `${store}:${String(key)}`));
              if (--pending === 0) resolve(keys.sort());
            };
          }
        };
      }),
  );
}
