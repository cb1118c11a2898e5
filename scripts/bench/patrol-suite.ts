// The patrol bench's instances over the demo data (4,000 seeded incidents and the route catalogue):
// k from 3 to 20, reach 40–150 km, with and without spacing, with existing posts, one and several
// border pairs, res-5 and res-6 candidates and demand, incidents only and blended with route-km.
import type { PlanRequest } from '../../server/patrols/types.ts'

export interface SuiteCase {
  name: string
  req: PlanRequest
}

type Pair = [string, string]
interface CaseOptions {
  k: number
  radiusKm: number
  pairs: Pair[]
  spacingKm?: number
  borderKm?: number
  candidateRes?: number
  demandRes?: number
  /** route-km weight next to incidents (weight 1); 0 = incidents only */
  routeWeight?: number
  existing?: { lng: number; lat: number; name: string }[]
}

/** A plan request in the service's terms from the few knobs the suite varies. */
export function caseRequest(o: CaseOptions): PlanRequest {
  return {
    k: o.k,
    radiusKm: o.radiusKm,
    method: 'greedy',
    timeLimitS: 300,
    lpBound: false,
    minSpacingKm: o.spacingKm ?? 0,
    existing: o.existing ?? [],
    demand: {
      h3Res: o.demandRes ?? 6,
      incidents: { weight: 1, filter: {}, sum: null },
      routes: o.routeWeight ? { weight: o.routeWeight, families: null } : null,
    },
    candidates: { h3Res: o.candidateRes ?? 5, pairs: o.pairs, borderKm: o.borderKm ?? 100, countries: null, polygon: null, exclude: null },
  }
}

const MADAMA = { lng: 13.65, lat: 21.96, name: 'Madama' }
const WOUR = { lng: 15.35, lat: 21.35, name: 'Wour' }
const TRI: Pair[] = [['LBY', 'NER'], ['NER', 'TCD'], ['LBY', 'TCD']]
const LIPTAKO: Pair[] = [['MLI', 'NER'], ['BFA', 'NER'], ['BFA', 'MLI']]
const LAKE_CHAD: Pair[] = [['NER', 'NGA'], ['NER', 'TCD'], ['NGA', 'TCD'], ['CMR', 'TCD']]
const WEST: Pair[] = [['MLI', 'MRT'], ['MRT', 'SEN'], ['MLI', 'SEN']]
const EAST: Pair[] = [['SDN', 'TCD'], ['CAF', 'TCD'], ['CAF', 'SDN'], ['LBY', 'SDN']]
const SAHARA: Pair[] = [['DZA', 'MLI'], ['DZA', 'NER'], ['DZA', 'LBY'], ['LBY', 'NER'], ['LBY', 'TCD'], ['MLI', 'NER'], ['NER', 'TCD']]

/** The bench suite: the failing instance first. */
export const PATROL_SUITE: SuiteCase[] = [
  { name: 'issue 13: LBY-NER k4 80km spacing 60 blended', req: caseRequest({ k: 4, radiusKm: 80, pairs: [['LBY', 'NER']], spacingKm: 60, routeWeight: 1 }) },
  { name: 'LBY-NER k3 40km res-6 candidates, incidents', req: caseRequest({ k: 3, radiusKm: 40, pairs: [['LBY', 'NER']], candidateRes: 6, borderKm: 60 }) },
  { name: 'tri-border k6 80km spacing 60, 2 posts, blended', req: caseRequest({ k: 6, radiusKm: 80, pairs: TRI, spacingKm: 60, borderKm: 50, routeWeight: 0.5, existing: [MADAMA, WOUR] }) },
  { name: 'Liptako-Gourma k8 60km spacing 50, incidents', req: caseRequest({ k: 8, radiusKm: 60, pairs: LIPTAKO, spacingKm: 50, candidateRes: 6, borderKm: 50 }) },
  { name: 'DZA-MLI/DZA-NER k5 150km, blended res-5 demand', req: caseRequest({ k: 5, radiusKm: 150, pairs: [['DZA', 'MLI'], ['DZA', 'NER']], demandRes: 5, routeWeight: 1 }) },
  { name: 'Lake Chad k10 50km spacing 40, 1 post, blended', req: caseRequest({ k: 10, radiusKm: 50, pairs: LAKE_CHAD, spacingKm: 40, candidateRes: 6, borderKm: 60, routeWeight: 0.5, existing: [{ lng: 13.35, lat: 13.7, name: 'Bosso' }] }) },
  { name: 'MLI-MRT-SEN k6 100km spacing 120, blended', req: caseRequest({ k: 6, radiusKm: 100, pairs: WEST, spacingKm: 120, routeWeight: 0.5 }) },
  { name: 'Sudan-Chad-CAR k12 70km, incidents res-5 demand', req: caseRequest({ k: 12, radiusKm: 70, pairs: EAST, demandRes: 5 }) },
  { name: 'central Sahara k20 120km spacing 150, blended', req: caseRequest({ k: 20, radiusKm: 120, pairs: SAHARA, spacingKm: 150, borderKm: 80, demandRes: 5, routeWeight: 1 }) },
  { name: 'central Sahara k15 80km, incidents', req: caseRequest({ k: 15, radiusKm: 80, pairs: SAHARA, borderKm: 50 }) },
  { name: 'LBY-NER k4 80km spacing 60, 1 post, incidents', req: caseRequest({ k: 4, radiusKm: 80, pairs: [['LBY', 'NER']], spacingKm: 60, existing: [MADAMA] }) },
  { name: 'MLI-NER k20 40km spacing 60, blended res-6', req: caseRequest({ k: 20, radiusKm: 40, pairs: [['MLI', 'NER']], spacingKm: 60, candidateRes: 6, borderKm: 50, routeWeight: 0.5 }) },
  { name: 'tri-border k3 150km spacing 200, blended res-5 demand', req: caseRequest({ k: 3, radiusKm: 150, pairs: TRI, spacingKm: 200, demandRes: 5, routeWeight: 0.5 }) },
  { name: 'Liptako-Gourma k10 90km spacing 80, 2 posts, blended', req: caseRequest({ k: 10, radiusKm: 90, pairs: LIPTAKO, spacingKm: 80, routeWeight: 1, existing: [{ lng: 1.07, lat: 14.21, name: 'Ayorou' }, { lng: -0.04, lat: 14.44, name: 'Dori' }] }) },
]
