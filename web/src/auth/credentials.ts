// The credential the page sends with its own requests. The app signs in with the HttpOnly
// session cookie, which the browser sends by itself; an embed has no cookie and carries the
// embed token of its link instead, sent as `Authorization: Bearer <token>` by every fetch, the
// upload and MapLibre's tile requests, and only to the page's own origin.

let bearer: string | null = null

/** Sends `token` as a bearer credential with every same-origin request from now on (null: none). */
export function setBearer(token: string | null): void {
  bearer = token === null || token.trim() === '' ? null : token.trim()
}

/** Whether `url` (absolute, or relative to `origin`) points at `origin`. */
export function isSameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url, origin).origin === origin
  } catch {
    return false
  }
}

/** The Authorization header for `url`: the bearer token when there is one and the URL is same-origin, else none. */
export function bearerHeaders(token: string | null, url: string, origin: string): Record<string, string> {
  return token !== null && isSameOrigin(url, origin) ? { authorization: `Bearer ${token}` } : {}
}

/** The headers that authenticate a request of this page to `url` (path or absolute URL). */
export function authHeaders(url: string): Record<string, string> {
  return bearerHeaders(bearer, url, location.origin)
}

/** MapLibre's `transformRequest`: tiles, fonts and other style resources of this origin carry the bearer token. */
export function authorizeMapRequest(url: string): { url: string; headers?: Record<string, string> } {
  const headers = authHeaders(url)
  return 'authorization' in headers ? { url, headers } : { url }
}
