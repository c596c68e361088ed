import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readPlan, updatePlan } from '../../src/api/careplan';
import { currentUser, fillPath, onSessionEnded, queryString, sendSmsCode, signOut, verifySmsCode } from '../../src/api/client';
import { readCookie } from '../../src/api/csrf';
import { ApiError, isConflict } from '../../src/api/errors';

const me = {
  kind: 'patient',
  id: 'p1',
  display_name: 'Margaret Jones',
  role: 'patient',
  organisation: { id: 'o1', name: 'Riverside Medical Practice' },
  preferred_language: 'en',
  patients: [{ id: 'p1', display_name: 'Margaret Jones', relationship: 'self' }],
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let fetchMock: ReturnType<typeof vi.fn>;
let fakeDocument: { cookie: string };

beforeEach(() => {
  fakeDocument = { cookie: '' };
  vi.stubGlobal('document', fakeDocument);
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const requestTo = (index: number) => {
  const [path, init] = fetchMock.mock.calls[index] as [string, RequestInit];
  return { path, init, headers: init.headers as Record<string, string> };
};

describe('CSRF', () => {
  it('fetches a token before the first state-changing request, then sends the cookie value', async () => {
    fetchMock
      .mockImplementationOnce(async () => {
        fakeDocument.cookie = 'csrftoken=from-cookie';
        return json(200, { csrf_token: 'from-body' });
      })
      .mockResolvedValueOnce(json(202, { status: 'sent', expires_in_seconds: 600 }));

    await expect(sendSmsCode('+447700900101')).resolves.toEqual({ status: 'sent', expires_in_seconds: 600 });

    expect(requestTo(0).path).toBe('/api/auth/csrf');
    const post = requestTo(1);
    expect(post.path).toBe('/api/auth/sms-code');
    expect(post.init.method).toBe('POST');
    expect(post.init.credentials).toBe('same-origin');
    expect(post.headers['X-CSRFToken']).toBe('from-cookie');
    expect(post.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(post.init.body as string)).toEqual({ phone: '+447700900101' });
  });

  it('uses the cookie it already has without asking again', async () => {
    fakeDocument.cookie = 'other=1; csrftoken=abc%3D%3D';
    fetchMock.mockResolvedValueOnce(json(200, me));

    await verifySmsCode('+447700900101', '123456');

    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(requestTo(0).headers['X-CSRFToken']).toBe('abc==');
  });

  it('sends no token on GET', async () => {
    fetchMock.mockResolvedValueOnce(json(200, me));
    await currentUser();
    expect(requestTo(0).headers['X-CSRFToken']).toBeUndefined();
  });
});

describe('responses', () => {
  beforeEach(() => {
    fakeDocument.cookie = 'csrftoken=t';
  });

  it('returns the signed-in person, or null on 401', async () => {
    fetchMock.mockResolvedValueOnce(json(200, me));
    await expect(currentUser()).resolves.toEqual(me);

    fetchMock.mockResolvedValueOnce(json(401, { status_code: 401, detail: 'Not signed in' }));
    await expect(currentUser()).resolves.toBeNull();
  });

  it('returns undefined for 204 No Content', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(signOut()).resolves.toBeUndefined();
  });

  it("raises ApiError with the server's detail", async () => {
    fetchMock.mockResolvedValueOnce(
      json(429, { status_code: 429, detail: 'Too many codes requested. Try again in 10 minutes.', extra: {} }),
    );
    const error = await sendSmsCode('+447700900101').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, detail: 'Too many codes requested. Try again in 10 minutes.' });
  });

  it('raises ApiError without a detail when the body is not the error shape', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<h1>Bad Gateway</h1>', { status: 502 }));
    await expect(currentUser()).rejects.toMatchObject({ status: 502, detail: null });
  });

  it('raises ApiError with status 0 when the network fails', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const error = await currentUser().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, isNetworkFailure: true });
  });
});

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('a=1; csrftoken=x%2By; b=2', 'csrftoken')).toBe('x+y');
    expect(readCookie('a=1', 'csrftoken')).toBeNull();
    expect(readCookie('', 'csrftoken')).toBeNull();
  });
});

describe('paths and query strings', () => {
  it('fills in path parameters, encoded', () => {
    expect(fillPath('/api/patients/{patient_id}/goals/{goal_id}', { patient_id: 'p 1', goal_id: 'g/2' })).toBe(
      '/api/patients/p%201/goals/g%2F2',
    );
    expect(() => fillPath('/api/patients/{patient_id}', {})).toThrow(/patient_id/);
  });

  it('writes only the parameters that have a value', () => {
    expect(queryString({ since_last_review: true, before: null, limit: 20, reading_type: undefined })).toBe(
      '?since_last_review=true&limit=20',
    );
    expect(queryString({})).toBe('');
  });

  it('sends path, query and body to the right URL', async () => {
    fakeDocument.cookie = 'csrftoken=t';
    fetchMock.mockResolvedValueOnce(json(200, { version: 3 }));
    await updatePlan('p1', { version: 2, what_matters: 'Walking' });
    expect(requestTo(0).path).toBe('/api/patients/p1/plan');
    expect(requestTo(0).init.method).toBe('PATCH');
    expect(JSON.parse(requestTo(0).init.body as string)).toEqual({ version: 2, what_matters: 'Walking' });
  });
});

describe('conflicts and ended sessions', () => {
  it("keeps a 409's extra, so the current version is known", async () => {
    fakeDocument.cookie = 'csrftoken=t';
    fetchMock.mockResolvedValueOnce(
      json(409, { status_code: 409, detail: 'version: this plan was changed by someone else', extra: { current_version: 7 } }),
    );
    const error = await updatePlan('p1', { version: 2, about_me: 'x' }).catch((e: unknown) => e);
    expect(isConflict(error)).toBe(true);
    expect(error).toMatchObject({ status: 409, extra: { current_version: 7 } });
  });

  it('tells listeners when the server says the session has ended, but not for /api/me', async () => {
    const ended = vi.fn();
    const stop = onSessionEnded(ended);
    fetchMock.mockImplementation(async () => json(401, { status_code: 401, detail: 'Not signed in' }));

    await currentUser();
    expect(ended).not.toHaveBeenCalled();
    await readPlan('p1').catch(() => undefined);
    expect(ended).toHaveBeenCalledTimes(1);

    stop();
    await readPlan('p1').catch(() => undefined);
    expect(ended).toHaveBeenCalledTimes(1);
  });
});
