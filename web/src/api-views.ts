// The service's saved views: a map state stored under a short id, opened by /v/:id and /embed/:id,
// and the signed embed tokens that open one view for readers without an account (AUTH=on).

import { ApiError } from './api.ts'
import { authHeaders } from './auth/credentials.ts'
import { noteStatus } from './auth/session.ts'

/** A saved view as `POST /api/views` and `GET /api/views/:id` return it. */
export interface SavedView {
  id: string
  /** `/v/<id>`, which redirects to the app with the state's query. */
  url: string
  /** `/embed/<id>`, the embeddable map. */
  embed_url: string
  /** The state as query parameters, as `mapStateToParams` writes them. */
  params: Record<string, string>
}

/** `POST /api/views/:id/embed-token`: the token, when it stops working, and the embed page path carrying it. */
export interface EmbedToken {
  token: string
  /** ISO 8601 */
  expires_at: string
  /** `/embed/<id>?token=<token>` */
  embed_url: string
}

async function bodyFrom<T>(response: Response, path: string, method: string): Promise<T> {
  if (!response.ok) {
    noteStatus(response.status)
    const body: unknown = await response.json().catch(() => null)
    const message = (body as { message?: unknown } | null)?.message
    throw new ApiError(path, response.status, typeof message === 'string' ? message : undefined, method)
  }
  return (await response.json()) as T
}

/** Saves a state given as query parameters; the service validates it (400 naming the field). */
export async function saveView(params: Record<string, string>, signal?: AbortSignal): Promise<SavedView> {
  const response = await fetch('/api/views', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...authHeaders('/api/views') },
    body: JSON.stringify(params),
    signal,
  })
  return bodyFrom<SavedView>(response, '/api/views', 'POST')
}

/** A token that opens saved view `id` (public records only) for `days` days (1-365). */
export async function createEmbedToken(id: string, days: number, signal?: AbortSignal): Promise<EmbedToken> {
  const path = `/api/views/${encodeURIComponent(id)}/embed-token`
  const response = await fetch(path, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', ...authHeaders(path) },
    body: JSON.stringify({ days }),
    signal,
  })
  return bodyFrom<EmbedToken>(response, path, 'POST')
}

/** A saved view by id; an `ApiError` with status 404 when there is none. */
export async function fetchView(id: string, signal?: AbortSignal): Promise<SavedView> {
  const path = `/api/views/${encodeURIComponent(id)}`
  return bodyFrom<SavedView>(await fetch(path, { headers: { accept: 'application/json', ...authHeaders(path) }, signal }), path, 'GET')
}
