// The service's saved views: a map state stored under a short id, opened by /v/:id and /embed/:id.

import { ApiError } from './api.ts'

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

async function viewFrom(response: Response, path: string, method: string): Promise<SavedView> {
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null)
    const message = (body as { message?: unknown } | null)?.message
    throw new ApiError(path, response.status, typeof message === 'string' ? message : undefined, method)
  }
  return (await response.json()) as SavedView
}

/** Saves a state given as query parameters; the service validates it (400 naming the field). */
export async function saveView(params: Record<string, string>, signal?: AbortSignal): Promise<SavedView> {
  const response = await fetch('/api/views', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(params),
    signal,
  })
  return viewFrom(response, '/api/views', 'POST')
}

/** A saved view by id; an `ApiError` with status 404 when there is none. */
export async function fetchView(id: string, signal?: AbortSignal): Promise<SavedView> {
  const path = `/api/views/${encodeURIComponent(id)}`
  return viewFrom(await fetch(path, { headers: { accept: 'application/json' }, signal }), path, 'GET')
}
