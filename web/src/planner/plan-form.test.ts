import { describe, expect, it } from 'vitest'
import { buildPlanRequest, DEFAULT_FORM, formFieldOf, formFromRequest, type PlannerForm } from './plan-form.ts'

const form = (over: Partial<PlannerForm> = {}): PlannerForm => ({ ...DEFAULT_FORM, pairs: ['LBY|NER'], ...over })

describe('buildPlanRequest', () => {
  it('writes k, reach, spacing, method, border pairs and both demands of the form', () => {
    const body = buildPlanRequest(form({ pairs: ['LBY|NER', 'NER|TCD'], k: 3, radiusKm: 80, minSpacingKm: 60, incidentWeight: 1, routeWeight: 0.5 }))
    expect(body).toEqual({
      k: 3,
      radius_km: 80,
      method: 'greedy',
      time_limit_s: 10,
      min_spacing_km: 60,
      existing_sites: [],
      demand: { h3_res: 6, incidents: { weight: 1 }, route_km: { weight: 0.5 } },
      candidates: { h3_res: 5, border_pairs: [['LBY', 'NER'], ['NER', 'TCD']], border_km: 50 },
    })
  })

  it('leaves out the incident demand when its weight is zero (route-km only)', () => {
    const body = buildPlanRequest(form({ incidentWeight: 0, routeWeight: 1, families: ['central', 'sahara'] }))
    expect(body.demand).toEqual({ h3_res: 6, route_km: { weight: 1, families: ['central', 'sahara'] } })
  })

  it('puts the time window and threats on the incident demand only', () => {
    const body = buildPlanRequest(form({ from: '2023-01-01', to: '2023-12-31', threats: ['drug_trafficking'], routeWeight: 0 }))
    expect(body.demand).toEqual({ h3_res: 6, incidents: { weight: 1, from: '2023-01-01', to: '2023-12-31', threats: ['drug_trafficking'] } })
  })

  it('sends existing posts with their names and a longer time limit for the exact method', () => {
    const body = buildPlanRequest(form({ method: 'exact', posts: [{ lng: 13.65, lat: 21.96, name: 'Madama' }, { lng: 15.35, lat: 21.35 }] }))
    expect(body.existing_sites).toEqual([{ lng: 13.65, lat: 21.96, name: 'Madama' }, { lng: 15.35, lat: 21.35 }])
    expect([body.method, body.time_limit_s]).toEqual(['exact', 60])
  })

  it('sends no border pairs when none is chosen, so the service names the field', () => {
    expect(buildPlanRequest(form({ pairs: [] })).candidates).toEqual({ h3_res: 5, border_km: 50 })
  })
})

describe('formFromRequest', () => {
  it('refills the form a request was built from', () => {
    const original = form({ pairs: ['LBY|NER', 'LBY|TCD'], k: 4, radiusKm: 120, minSpacingKm: 30, families: ['central'], threats: ['arms_proliferation'], from: '2022-05-01', posts: [{ lng: 14, lat: 22 }] })
    expect(formFromRequest(buildPlanRequest(original))).toEqual(original)
  })

  it('sorts a pair given in the other order to the picker value', () => {
    const request = { ...buildPlanRequest(form()), candidates: { h3_res: 5, border_pairs: [['NER', 'LBY']] as [string, string][], border_km: 50 } }
    expect(formFromRequest(request).pairs).toEqual(['LBY|NER'])
  })
})

describe('formFieldOf', () => {
  it.each([
    ['body.k', 'k'],
    ['body.radius_km', 'radiusKm'],
    ['body.min_spacing_km', 'minSpacingKm'],
    ['body.candidates.border_pairs.0', 'pairs'],
    ['body.candidates.border_pairs.0.1', 'pairs'],
    ['body.candidates', 'pairs'],
    ['body.candidates.border_km', 'borderKm'],
    ['body.demand', 'demand'],
    ['body.demand.incidents.to', 'window'],
    ['body.demand.incidents.threats.0', 'threats'],
    ['body.demand.incidents.weight', 'incidentWeight'],
    ['body.demand.route_km.families.1', 'families'],
    ['body.demand.h3_res', 'radiusKm'],
    ['body.existing_sites.2.lat', 'posts'],
    ['body', 'general'],
    [undefined, 'general'],
  ])('shows an error on %s next to the %s field', (field, expected) => {
    expect(formFieldOf(field)).toBe(expected)
  })

  it('does not take body.kind for body.k', () => {
    expect(formFieldOf('body.kind')).toBe('general')
  })
})
