/** A request that failed. `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's human-readable `detail`, if the body had one. */
    readonly detail: string | null,
    /** The error body's `extra` (e.g. `current_version` on a 409), if any. */
    readonly extra: Readonly<Record<string, unknown>> | null = null,
  ) {
    super(detail ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
  }

  get isNetworkFailure(): boolean {
    return this.status === 0;
  }
}

/** Whether the error means "the server could not be reached" (offline, or no signal). */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiError && error.isNetworkFailure;
}

/** Whether the error is a 409: someone else changed the thing since we read it. */
export function isConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409;
}

/** The `detail` of an error body shaped `{"status_code", "detail", "extra"}`, if present. */
export function detailFrom(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('detail' in body)) return null;
  const { detail } = body;
  return typeof detail === 'string' && detail.trim() !== '' ? detail : null;
}

/** The `extra` object of an error body, if it has one. */
export function extraFrom(body: unknown): Record<string, unknown> | null {
  if (typeof body !== 'object' || body === null || !('extra' in body)) return null;
  const { extra } = body;
  return typeof extra === 'object' && extra !== null && !Array.isArray(extra)
    ? (extra as Record<string, unknown>)
    : null;
}
