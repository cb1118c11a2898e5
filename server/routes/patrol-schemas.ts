// TypeBox schemas of the patrol siting API: the plan request, the plan, and saved plans.
import { Ownership, SharingOptions } from './sharing.ts'
import { Type, type Static } from 'typebox'
import { FAMILIES, THREATS } from '../../shared/vocabulary.ts'
import { SUM_FIELDS } from '../repos/hotspots.ts'
import { ISO3 } from './schemas.ts'

const DATE = '^\\d{4}-\\d{2}-\\d{2}$'
const Position = Type.Array(Type.Number({ minimum: -180, maximum: 180 }), { minItems: 2, maxItems: 3 })
const Ring = Type.Array(Position, { minItems: 4, maxItems: 20_000 })
const Polygon = Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring, { minItems: 1 }) })
const MultiPolygon = Type.Object({ type: Type.Literal('MultiPolygon'), coordinates: Type.Array(Type.Array(Ring, { minItems: 1 }), { minItems: 1 }) })
const Area = Type.Union([Polygon, MultiPolygon])
const H3Res = (description: string) => Type.Integer({ minimum: 3, maximum: 8, default: 6, description })

export const PlanBody = Type.Object(
  {
    k: Type.Integer({ minimum: 1, maximum: 100, description: 'new sites to place' }),
    radius_km: Type.Number({ minimum: 5, maximum: 500, description: 'reach of a site, km (geodesic)' }),
    method: Type.Union([Type.Literal('greedy'), Type.Literal('exact')], { default: 'greedy' }),
    time_limit_s: Type.Number({ minimum: 1, maximum: 300, default: 30, description: 'solver time limit (exact MIP, or the LP bound of a greedy plan)' }),
    lp_bound: Type.Boolean({ default: true, description: 'bound a greedy plan with the LP relaxation (in the time limit)' }),
    min_spacing_km: Type.Number({ minimum: 0, maximum: 1000, default: 0, description: 'least distance between any two sites, new or existing' }),
    existing_sites: Type.Array(
      Type.Object({ lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }), name: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
      { maxItems: 200, default: [] },
    ),
    demand: Type.Object(
      {
        h3_res: H3Res('H3 resolution of the demand cells'),
        incidents: Type.Optional(
          Type.Object(
            {
              weight: Type.Number({ minimum: 0, maximum: 1000, default: 1 }),
              metric: Type.String({ pattern: `^(count|sum:(${SUM_FIELDS.join('|')}))$`, default: 'count' }),
              from: Type.Optional(Type.String({ pattern: DATE })),
              to: Type.Optional(Type.String({ pattern: DATE })),
              threats: Type.Optional(Type.Array(Type.Enum([...THREATS]), { minItems: 1 })),
              sources: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9_.-]+$' }), { minItems: 1 })),
              route_families: Type.Optional(Type.Array(Type.Enum([...FAMILIES]), { minItems: 1 })),
            },
            { additionalProperties: false },
          ),
        ),
        route_km: Type.Optional(
          Type.Object(
            { weight: Type.Number({ minimum: 0, maximum: 1000, default: 1 }), families: Type.Optional(Type.Array(Type.Enum([...FAMILIES]), { minItems: 1 })) },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    candidates: Type.Object(
      {
        h3_res: H3Res('H3 resolution of the candidate cells'),
        border_pairs: Type.Optional(Type.Array(Type.Array(ISO3, { minItems: 2, maxItems: 2 }), { minItems: 1, maxItems: 60 })),
        border_km: Type.Number({ minimum: 1, maximum: 500, default: 50, description: 'candidates within this many km of a chosen border' }),
        countries: Type.Optional(Type.Array(ISO3, { minItems: 1, maxItems: 60 })),
        polygon: Type.Optional(Area),
        exclude: Type.Optional(Type.Array(Area, { maxItems: 100 })),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
export type PlanBodyT = Static<typeof PlanBody>

// Null first in every union: with coerceTypes, ajv would turn a null into "" or 0 in a first
// string or number branch when a saved plan comes back in.
const Site = Type.Object({
  order: Type.Integer(),
  kind: Type.Union([Type.Literal('existing'), Type.Literal('new')]),
  name: Type.Union([Type.Null(), Type.String()]),
  lng: Type.Number(),
  lat: Type.Number(),
  h3: Type.Union([Type.Null(), Type.String()]),
  country: Type.Union([Type.Null(), Type.String()]),
  border_pair: Type.Union([Type.Null(), Type.String()]),
  border_km: Type.Union([Type.Null(), Type.Number()]),
  covered_demand: Type.Number(),
  marginal_gain: Type.Number(),
})
const Share = { covered: Type.Number(), ratio: Type.Number() }

export const Plan = Type.Object({
  method: Type.String(),
  status: Type.Union(['heuristic', 'optimal', 'time_limit', 'fallback'].map((s) => Type.Literal(s))),
  k: Type.Integer(),
  radius_km: Type.Number(),
  min_spacing_km: Type.Number(),
  sites: Type.Array(Site),
  shortfall: Type.Integer({ description: 'k minus the new sites placed (spacing can leave no room)' }),
  total_demand: Type.Number(),
  covered_demand: Type.Number(),
  existing_covered_demand: Type.Number(),
  coverage_ratio: Type.Number({ description: 'covered / total demand' }),
  reachable_demand: Type.Number({ description: 'demand within reach of some candidate or existing site' }),
  reachable_ratio: Type.Number({ description: 'covered / reachable demand' }),
  bound: Type.Number({ description: 'upper bound on the covered demand of any plan' }),
  bound_source: Type.Union([Type.Literal('submodular'), Type.Literal('lp'), Type.Literal('mip')]),
  gap: Type.Number({ description: '(bound − covered) / bound' }),
  // optional: plans saved before these fields existed still read back
  gap_warning: Type.Optional(Type.Boolean({ description: 'the gap exceeds 2% (greedy: the exact method may cover more)' })),
  gap_message: Type.Optional(Type.Union([Type.Null(), Type.String()], { description: 'why the gap matters and what to do, when gap_warning' })),
  incidents: Type.Object({ total: Type.Number(), ...Share }),
  route_km: Type.Object({ total: Type.Number(), ...Share }),
  by_country: Type.Array(Type.Object({ iso3: Type.String(), demand: Type.Number(), ...Share })),
  by_threat: Type.Array(Type.Object({ threat: Type.String(), value: Type.Number(), ...Share })),
  covered_cells: Type.Array(Type.String()),
  instance: Type.Object({}, { additionalProperties: true }),
})

export const SavePlanBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), request: PlanBody, result: Plan, ...SharingOptions },
  { additionalProperties: false },
)

export const SavedPlan = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  created_at: Type.String(),
  request: Type.Object({}, { additionalProperties: true }),
  result: Plan,
  ...Ownership,
  origin_state: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'received from a partner: its member state (null: made here)' })),
  origin_agency: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'received from a partner: its agency' })),
})
