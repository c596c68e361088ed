import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentUser, sendSmsCode, signOut, verifySmsCode } from '../../src/api/client';
import { readCookie } from '../../src/api/csrf';
import { ApiError } from '../../src/api/errors';

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
