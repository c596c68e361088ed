import { csrfToken, CSRF_HEADER } from './csrf';
import { ApiError, detailFrom } from './errors';
import type { ApiMethod, ApiPath, Me, RequestBody, SuccessBody } from './types';

const UNSAFE_METHODS: ReadonlySet<ApiMethod> = new Set(['post', 'put', 'patch', 'delete']);

async function parseJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function send(method: ApiMethod, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method)) headers[CSRF_HEADER] = await csrfToken(fetchCsrfToken);

  let response: Response;
  try {
    response = await fetch(path, {
      method: method.toUpperCase(),
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, null);
  }
  const parsed = await parseJson(response);
  if (!response.ok) throw new ApiError(response.status, detailFrom(parsed));
  return parsed;
}

/** A typed call: the path must exist in the server's schema, and the bodies match it. */
function call<P extends ApiPath, M extends ApiMethod>(
  method: M,
  path: P,
  ...body: [RequestBody<P, M>] extends [never] ? [] : [RequestBody<P, M>]
): Promise<SuccessBody<P, M>> {
  return send(method, path, body[0]) as Promise<SuccessBody<P, M>>;
}

async function fetchCsrfToken(): Promise<string> {
  const { csrf_token } = await call('get', '/api/auth/csrf');
  return csrf_token;
}

/** The signed-in person, or null when nobody is signed in. */
export async function currentUser(): Promise<Me | null> {
  try {
    return await call('get', '/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const sendSmsCode = (phone: string) => call('post', '/api/auth/sms-code', { phone });

export const verifySmsCode = (phone: string, code: string) =>
  call('post', '/api/auth/sms-verify', { phone, code });

export const signInWithPassword = (email: string, password: string) =>
  call('post', '/api/auth/login', { email, password });

export const signOut = () => call('post', '/api/auth/logout');
