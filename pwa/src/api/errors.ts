/** A request that failed. `status` is 0 when the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's human-readable `detail`, if the body had one. */
    readonly detail: string | null,
  ) {
    super(detail ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
  }

  get isNetworkFailure(): boolean {
    return this.status === 0;
  }
}

/** The `detail` of an error body shaped `{"status_code", "detail", "extra"}`, if present. */
export function detailFrom(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('detail' in body)) return null;
  const { detail } = body;
  return typeof detail === 'string' && detail.trim() !== '' ? detail : null;
}
