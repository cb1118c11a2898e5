// The service's sign-in calls (server/routes/auth.ts): who am I, sign in (sets the HttpOnly
// session cookie), sign out (clears it).

import { ApiError } from '../api.ts'
import { authHeaders } from './credentials.ts'
import type { Me } from './me.ts'

async function errorOf(response: Response, path: string, method: string): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { message?: unknown } | null
  return new ApiError(path, response.status, typeof body?.message === 'string' ? body.message : undefined, method)
}

/** Who this page is signed in as; null when it is not (401). */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  const path = '/api/auth/me'
  const response = await fetch(path, { headers: { accept: 'application/json', ...authHeaders(path) }, signal })
  if (response.status === 401) return null
  if (!response.ok) throw await errorOf(response, path, 'GET')
  return (await response.json()) as Me
}

/** Signs in; an `ApiError` with status 401 for a wrong username or password. */
export async function login(username: string, password: string): Promise<Me> {
  const path = '/api/auth/login'
  const response = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!response.ok) throw await errorOf(response, path, 'POST')
  return (await response.json()) as Me
}

/** Ends the web session and clears its cookie. */
export async function logout(): Promise<void> {
  const path = '/api/auth/logout'
  const response = await fetch(path, { method: 'POST', headers: { accept: 'application/json' } })
  if (!response.ok) throw await errorOf(response, path, 'POST')
}
