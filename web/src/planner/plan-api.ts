// The patrol planner's calls to the service (docs/patrols.md): compute a plan, save it, reopen
// it, and the export links of a saved plan. A refused request throws a `PlanApiError` carrying
// the field the service names (`body.k`, `body.candidates.border_pairs.0`, ...).

import type { Family, Threat } from '../../../shared/vocabulary.ts'
import type { Sharing } from '../../../shared/access.ts'
import { ApiError } from '../api.ts'
import { authHeaders } from '../auth/credentials.ts'
import { noteStatus } from '../auth/session.ts'

/** The body of `POST /api/patrols/plan`, as the planner sends it. */
export interface PlanBody {
  k: number
  radius_km: number
  method: 'greedy' | 'exact'
  time_limit_s?: number
  min_spacing_km: number
  existing_sites: { lng: number; lat: number; name?: string }[]
  demand: {
    h3_res: number
    incidents?: { weight: number; from?: string; to?: string; threats?: Threat[] }
    route_km?: { weight: number; families?: Family[] }
  }
  candidates: { h3_res: number; border_pairs?: [string, string][]; border_km: number }
}

/** One site of a plan: existing posts first, then new sites in the order greedy adds them. */
export interface PlanSite {
  order: number
  kind: 'existing' | 'new'
  name: string | null
  lng: number
  lat: number
  h3: string | null
  country: string | null
  border_pair: string | null
  border_km: number | null
  covered_demand: number
  marginal_gain: number
}

/** The answer of `POST /api/patrols/plan` (the fields the planner shows). */
export interface PlanResult {
  method: string
  status: 'heuristic' | 'optimal' | 'time_limit' | 'fallback'
  k: number
  radius_km: number
  min_spacing_km: number
  sites: PlanSite[]
  shortfall: number
  total_demand: number
  covered_demand: number
  coverage_ratio: number
  bound: number
  bound_source: 'submodular' | 'lp' | 'mip'
  gap: number
  /** the gap exceeds 2% (absent from plans saved before issue 13) */
  gap_warning?: boolean
  gap_message?: string | null
  incidents: { total: number; covered: number; ratio: number }
  route_km: { total: number; covered: number; ratio: number }
  covered_cells: string[]
  [other: string]: unknown
}

/** `GET /api/plans/:id`. */
export interface SavedPlan {
  id: number
  name: string
  created_at: string
  request: PlanBody
  result: PlanResult
  /** who may read it; absent from services older than access control */
  sharing?: Sharing
  partners?: string[]
  /** received from a partner deployment: its member state and agency (null: made here) */
  origin_state?: string | null
  origin_agency?: string | null
}

/** A refused or failed call; `field` is the request field the service blamed, when it named one. */
export class PlanApiError extends ApiError {
  constructor(path: string, status: number, detail: string | undefined, method: string, readonly field?: string) {
    super(path, status, detail, method)
    this.name = 'PlanApiError'
  }
}

async function call(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(path, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...authHeaders(path) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  })
  if (response.ok) return response.json()
  noteStatus(response.status)
  const error = (await response.json().catch(() => null)) as { message?: unknown; field?: unknown } | null
  throw new PlanApiError(
    path,
    response.status,
    typeof error?.message === 'string' ? error.message : undefined,
    method,
    typeof error?.field === 'string' ? error.field : undefined,
  )
}

/** Computes a plan (seconds for greedy; up to the time limit for exact). */
export async function postPlan(body: PlanBody, signal?: AbortSignal): Promise<PlanResult> {
  return (await call('POST', '/api/patrols/plan', body, signal)) as PlanResult
}

/** Saves a plan with the request it answers, shared as asked (server/routes/sharing.ts); resolves to its id. */
export async function savePlan(name: string, request: PlanBody, result: PlanResult, sharing: { sharing: Sharing; partners?: string }): Promise<number> {
  return ((await call('POST', '/api/plans', { name, request, result, ...sharing })) as { id: number }).id
}

/** A saved plan by id. */
export async function fetchPlan(id: number, signal?: AbortSignal): Promise<SavedPlan> {
  return (await call('GET', `/api/plans/${id}`, undefined, signal)) as SavedPlan
}

export const PLAN_EXPORT_FORMATS = ['geojson', 'csv', 'kml'] as const

/** The download links of saved plan `id`: sites and 64-point coverage circles. */
export function planExportLinks(id: number): { format: (typeof PLAN_EXPORT_FORMATS)[number]; href: string }[] {
  return PLAN_EXPORT_FORMATS.map((format) => ({ format, href: `/api/plans/${id}.${format}` }))
}
