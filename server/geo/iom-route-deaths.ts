// IOM Missing Migrants deaths per route and year (CC BY 4.0): the yearly sums of "Total Number
// of Dead and Missing" by IOM's own "Migration route" column, attached to the catalogue route
// that carries most of that route's traffic, as the Frontex detections are (geodata/README.md).
// Curation only: `scripts/curate-iom-deaths.ts` runs it over an IOM export and writes the rows
// into geodata/route-flows.json; nothing reads IOM files at run time.
import { parse } from 'csv-parse/sync'
import type { RouteFlow } from '../../shared/route-flows.ts'

/** One yearly figure in the shape of geodata/route-flows.json's `flows`. */
export type FlowRow = RouteFlow & { route_id: string }

/** IOM's route name to the catalogue route its figures are attached to, and what they cover. */
export const IOM_ROUTES: Readonly<Record<string, { routeId: string; scope: string }>> = {
  'Central Mediterranean': { routeId: 'cmr-zuwara-lampedusa', scope: 'IOM Central Mediterranean route, all departures (Libya, Tunisia, Algeria, Egypt): dead and missing' },
  'Western Mediterranean': { routeId: 'wmr-oran-almeria', scope: 'IOM Western Mediterranean route, all departures (Morocco and Algeria to Spain): dead and missing' },
  'Western Africa / Atlantic route to the Canary Islands': { routeId: 'atl-nouadhibou-el-hierro', scope: 'IOM Atlantic route to the Canary Islands, all departures: dead and missing' },
  'Sahara Desert crossing': { routeId: 'cmr-agadez-sabha-tripoli', scope: 'IOM Sahara Desert crossing, every desert route IOM records (Niger, Libya, Algeria, Mali, Chad, Sudan): dead and missing' },
}

export const IOM_SOURCE = {
  source: "IOM's Missing Migrants Project, incidents 2014–2023 (yearly sums of dead and missing by migration route, aggregated by Sahel Routes)",
  source_year: 2023,
  url: 'https://missingmigrants.iom.int/downloads',
  licence: "CC BY 4.0, IOM's Missing Migrants Project (aggregated)",
} as const

/** Yearly dead-and-missing rows per catalogue route from an IOM export's CSV text; years before `untilYear` only (the last year of a cut export is partial). */
export function iomRouteDeaths(csvText: string, untilYear: number): FlowRow[] {
  const records: Record<string, string>[] = parse(csvText, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true })
  const sums = new Map<string, number>()
  for (const r of records) {
    const year = Number(r['Incident year'] ?? r['Incident Year'])
    const total = Number(String(r['Total Number of Dead and Missing'] ?? '').replace(/,/g, ''))
    if (!Number.isInteger(year) || year >= untilYear || !Number.isFinite(total)) continue
    // an incident on two routes ("Central Mediterranean,Sahara Desert crossing") counts on each
    for (const name of String(r['Migration route'] ?? r['Migration Route'] ?? '').split(',').map((s) => s.trim())) {
      const route = IOM_ROUTES[name]
      if (!route) continue
      const key = `${route.routeId}|${year}`
      sums.set(key, (sums.get(key) ?? 0) + total)
    }
  }
  return [...sums]
    .map(([key, value]) => {
      const [routeId, year] = key.split('|')
      const scope = Object.values(IOM_ROUTES).find((r) => r.routeId === routeId)!.scope
      return { route_id: routeId, year: Number(year), metric: 'deaths' as const, value: Math.round(value), scope, ...IOM_SOURCE }
    })
    .sort((a, b) => (a.route_id < b.route_id ? -1 : a.route_id > b.route_id ? 1 : a.year - b.year))
}
