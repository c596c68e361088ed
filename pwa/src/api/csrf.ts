// CSRF: state-changing requests echo the signed `csrftoken` cookie in X-CSRFToken.

export const CSRF_COOKIE = 'csrftoken';
export const CSRF_HEADER = 'X-CSRFToken';

export function readCookie(cookies: string, name: string): string | null {
  for (const pair of cookies.split(';')) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** The token to send, fetching one first when the cookie is not there yet. */
export async function csrfToken(fetchToken: () => Promise<string>): Promise<string> {
  const fromCookie = readCookie(document.cookie, CSRF_COOKIE);
  if (fromCookie) return fromCookie;
  const fromServer = await fetchToken();
  // The cookie is what the server compares against; the body is the fallback.
  return readCookie(document.cookie, CSRF_COOKIE) ?? fromServer;
}
