// Reads texts the server sent through the dev phone's Twilio-compatible Messages API.
import { expect, type APIRequestContext } from '@playwright/test';

// The dev phone's fixed credentials (server/careplan/settings.py): a 34-character Twilio SID.
const ACCOUNT_SID = `AC${'0'.repeat(30)}de`;
const AUTH_TOKEN = 'dev-phone-auth-token';

interface TwilioMessage {
  sid: string;
  to: string;
  body: string;
}

const authorization = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;

/** Messages sent to `to` (E.164), newest first, as Twilio lists them. */
export async function messagesTo(request: APIRequestContext, to: string): Promise<TwilioMessage[]> {
  const response = await request.get(`/dev-phone/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, {
    params: { To: to },
    headers: { Authorization: authorization },
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { messages: TwilioMessage[] }).messages;
}

/** Waits for a text to `to` that is not in `seenSids` and returns the 6-digit code in it. */
export async function waitForNewCode(request: APIRequestContext, to: string, seenSids: Set<string>): Promise<string> {
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        // The newest unseen text with a code: a demo check-in may arrive in between.
        const fresh = (await messagesTo(request, to)).find(
          (message) => !seenSids.has(message.sid) && /\b\d{6}\b/.test(message.body),
        );
        code = fresh?.body.match(/\b(\d{6})\b/)?.[1];
        return code;
      },
      { message: `a new sign-in code texted to ${to}`, timeout: 10_000 },
    )
    .toBeTruthy();
  return code!;
}
