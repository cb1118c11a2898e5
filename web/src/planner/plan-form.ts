// The planner form's values and the plan request they make, both ways (a saved plan refills the
// form), and which form field a service error names. Pure: tested without a DOM.

import type { Family, Threat } from '../../../shared/vocabulary.ts'
import type { PlanBody } from './plan-api.ts'

/** An existing post, kept fixed by the solver. */
export interface Post {
  lng: number
  lat: number
  name?: string
}

/** What the planner form holds; numbers may be NaN while a field is empty. */
export interface PlannerForm {
  /** border pairs as `A|B`, ISO3 sorted (the border picker's values) */
  pairs: string[]
  borderKm: number
  k: number
  radiusKm: number
  minSpacingKm: number
  incidentWeight: number
  routeWeight: number
  /** route families for the route-km demand; empty means all */
  families: Family[]
  from: string
  to: string
  /** threats of the incident demand; empty means all */
  threats: Threat[]
  posts: Post[]
  method: 'greedy' | 'exact'
}

/** The form as it opens: one border of the tri-border, six 80 km sites, route-km and incidents. */
export const DEFAULT_FORM: PlannerForm = {
  pairs: [],
  borderKm: 50,
  k: 6,
  radiusKm: 80,
  minSpacingKm: 0,
  incidentWeight: 1,
  routeWeight: 0.5,
  families: [],
  from: '',
  to: '',
  threats: [],
  posts: [],
  method: 'greedy',
}

/** H3 resolutions the planner asks for: res-6 demand (~36 km²), res-5 candidates (~250 km²). */
export const DEMAND_H3_RES = 6
export const CANDIDATE_H3_RES = 5
/** Seconds the solver may take: the LP bound of a greedy plan, or the exact MIP. */
export const TIME_LIMIT_S = { greedy: 10, exact: 60 } as const

/** The `POST /api/patrols/plan` body of a form; a zero weight leaves that demand out. */
export function buildPlanRequest(form: PlannerForm): PlanBody {
  const incidents: NonNullable<PlanBody['demand']['incidents']> = { weight: form.incidentWeight }
  if (form.from) incidents.from = form.from
  if (form.to) incidents.to = form.to
  if (form.threats.length > 0) incidents.threats = [...form.threats]
  const routeKm: NonNullable<PlanBody['demand']['route_km']> = { weight: form.routeWeight }
  if (form.families.length > 0) routeKm.families = [...form.families]
  return {
    k: form.k,
    radius_km: form.radiusKm,
    method: form.method,
    time_limit_s: TIME_LIMIT_S[form.method],
    min_spacing_km: form.minSpacingKm,
    existing_sites: form.posts.map((p) => ({ lng: p.lng, lat: p.lat, ...(p.name ? { name: p.name } : {}) })),
    demand: {
      h3_res: DEMAND_H3_RES,
      ...(form.incidentWeight > 0 ? { incidents } : {}),
      ...(form.routeWeight > 0 ? { route_km: routeKm } : {}),
    },
    candidates: {
      h3_res: CANDIDATE_H3_RES,
      ...(form.pairs.length > 0 ? { border_pairs: form.pairs.map((p) => p.split('|') as [string, string]) } : {}),
      border_km: form.borderKm,
    },
  }
}

/** The form that makes `request` (a saved plan's), for reopening it. */
export function formFromRequest(request: PlanBody): PlannerForm {
  const inc = request.demand.incidents
  const routes = request.demand.route_km
  return {
    pairs: (request.candidates.border_pairs ?? []).map((pair) => [...pair].sort().join('|')),
    borderKm: request.candidates.border_km ?? DEFAULT_FORM.borderKm,
    k: request.k,
    radiusKm: request.radius_km,
    minSpacingKm: request.min_spacing_km ?? 0,
    incidentWeight: inc?.weight ?? 0,
    routeWeight: routes?.weight ?? 0,
    families: routes?.families ?? [],
    from: inc?.from ?? '',
    to: inc?.to ?? '',
    threats: inc?.threats ?? [],
    posts: (request.existing_sites ?? []).map((s) => ({ lng: s.lng, lat: s.lat, ...(s.name ? { name: s.name } : {}) })),
    method: request.method ?? 'greedy',
  }
}

/** The form fields an error can be shown next to; `general` is under the Run button. */
export type FormField =
  | 'pairs' | 'borderKm' | 'k' | 'radiusKm' | 'minSpacingKm' | 'demand' | 'incidentWeight' | 'routeWeight'
  | 'families' | 'window' | 'threats' | 'posts' | 'method' | 'general'

/** Service field prefixes, most specific first, and the form field that shows their errors. */
const FIELD_OF_PREFIX: [string, FormField][] = [
  ['body.k', 'k'],
  ['body.radius_km', 'radiusKm'],
  ['body.min_spacing_km', 'minSpacingKm'],
  ['body.method', 'method'],
  ['body.time_limit_s', 'method'],
  ['body.existing_sites', 'posts'],
  ['body.demand.incidents.from', 'window'],
  ['body.demand.incidents.to', 'window'],
  ['body.demand.incidents.threats', 'threats'],
  ['body.demand.incidents', 'incidentWeight'],
  ['body.demand.route_km.families', 'families'],
  ['body.demand.route_km', 'routeWeight'],
  // the coverage of reach × resolution is too large: the reach is what a planner changes
  ['body.demand.h3_res', 'radiusKm'],
  ['body.demand', 'demand'],
  ['body.candidates.border_km', 'borderKm'],
  ['body.candidates', 'pairs'],
]

/** The form field that shows an error about service field `field` (`body.k` → `k`). */
export function formFieldOf(field: string | undefined): FormField {
  if (!field) return 'general'
  for (const [prefix, formField] of FIELD_OF_PREFIX) {
    if (field === prefix || field.startsWith(`${prefix}.`)) return formField
  }
  return 'general'
}
