import { csrfToken, CSRF_HEADER } from './csrf';
import { ApiError, detailFrom, extraFrom } from './errors';
import type {
  ApiMethod,
  ApiPath,
  Me,
  PathParams,
  QueryParams,
  QueryRequired,
  RequestBody,
  SuccessBody,
} from './types';

const UNSAFE_METHODS: ReadonlySet<ApiMethod> = new Set(['post', 'put', 'patch', 'delete']);

type QueryValue = string | number | boolean | null | undefined;

async function parseJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const sessionEndedListeners = new Set<() => void>();

/** Called when the server says the session has ended (401) during use, so the app can react. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

const accessRefusedListeners = new Set<(patientId: string) => void>();

/**
 * Called with the patient's id when a request about that patient is refused (403 or 404), so a
 * carer whose access was ended or narrowed can be told, rather than left on a broken screen.
 */
export function onAccessRefused(listener: (patientId: string) => void): () => void {
  accessRefusedListeners.add(listener);
  return () => accessRefusedListeners.delete(listener);
}

const PATIENT_URL = /^\/api\/patients\/([^/?]+)/;

async function send(method: ApiMethod, url: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method)) headers[CSRF_HEADER] = await csrfToken(fetchCsrfToken);

  let response: Response;
  try {
    response = await fetch(url, {
      method: method.toUpperCase(),
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, null);
  }
  const parsed = await parseJson(response);
  if (!response.ok) {
    if (response.status === 401 && !url.startsWith('/api/auth/') && url !== '/api/me') {
      sessionEndedListeners.forEach((listener) => listener());
    }
    const patient = PATIENT_URL.exec(url);
    if (patient && (response.status === 403 || response.status === 404)) {
      const patientId = decodeURIComponent(patient[1]!);
      accessRefusedListeners.forEach((listener) => listener(patientId));
    }
    throw new ApiError(response.status, detailFrom(parsed), extraFrom(parsed));
  }
  return parsed;
}

/** The path with each `{name}` replaced by its (encoded) value. */
export function fillPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for {${name}} in ${template}`);
    return encodeURIComponent(value);
  });
}

/** `?a=1&b=true` from the parameters that have a value, or '' when none has. */
export function queryString(query: Readonly<Record<string, QueryValue>> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

type Init<P extends ApiPath, M extends ApiMethod> = ([PathParams<P, M>] extends [never]
  ? unknown
  : { path: PathParams<P, M> }) &
  ([QueryParams<P, M>] extends [never]
    ? unknown
    : QueryRequired<P, M> extends true
      ? { query: QueryParams<P, M> }
      : { query?: QueryParams<P, M> }) &
  ([RequestBody<P, M>] extends [never] ? unknown : { body: RequestBody<P, M> });

interface LooseInit {
  path?: Record<string, string>;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/**
 * A typed call: the path must exist in the server's schema, and the path parameters, query
 * and bodies match it.
 */
export function api<P extends ApiPath, M extends ApiMethod>(
  method: M,
  path: P,
  ...init: object extends Init<P, M> ? [Init<P, M>?] : [Init<P, M>]
): Promise<SuccessBody<P, M>> {
  const { path: params, query, body } = (init[0] ?? {}) as LooseInit;
  return send(method, fillPath(path, params) + queryString(query), body) as Promise<SuccessBody<P, M>>;
}

async function fetchCsrfToken(): Promise<string> {
  const { csrf_token } = await api('get', '/api/auth/csrf');
  return csrf_token;
}

/** The signed-in person, or null when nobody is signed in. */
export async function currentUser(): Promise<Me | null> {
  try {
    return await api('get', '/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const sendSmsCode = (phone: string) => api('post', '/api/auth/sms-code', { body: { phone } });

/** Who signs in, when several people share the phone (the server answered 409 with the choices). */
export type SignInAs = { patient_id: string } | { as_carer: true };

export const verifySmsCode = (phone: string, code: string, as?: SignInAs) =>
  api('post', '/api/auth/sms-verify', { body: { phone, code, as_carer: false, ...as } });

export const signInWithPassword = (email: string, password: string) =>
  api('post', '/api/auth/login', { body: { email, password } });

export const signOut = () => api('post', '/api/auth/logout');
