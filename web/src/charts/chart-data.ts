// The charts' data: the `GET /api/incidents/series` URL of a map state, and its answer as chart
// series (named and coloured, the smallest folded into "other"), dead and missing as a second
// chart, and file names for the downloads. Pure, so tested without a DOM.

import type { ChartSeries } from '../../../shared/charts/time-series.ts'
import { SERIES_COLOURS } from '../../../shared/charts/time-series.ts'
import type { Language, MapState } from '../../../shared/map-state.ts'
import { FAMILY_COLOURS, UNKNOWN_ROUTE_COLOUR } from '../../../shared/palette.ts'
import { THREATS } from '../../../shared/vocabulary.ts'
import { filterParams } from '../hotspots/hotspot-query.ts'
import type { ChartSplit, ChartStrings } from './strings.ts'

/** The answer of `GET /api/incidents/series`. */
export interface SeriesAnswer {
  bucket: 'month' | 'quarter'
  split: ChartSplit
  periods: string[]
  series: { key: string; label: string; values: number[]; dead: number[]; missing: number[] }[]
  casualty_incidents: number
  dead_incidents: number
  missing_incidents: number
  year_precise: number
}

export interface SeriesRequest {
  bucket: 'month' | 'quarter'
  split: ChartSplit
  lang: Language
  /** one catalogue route's corridor */
  route?: { id: string; corridorKm: number }
}

/** `GET /api/incidents/series` for the state's filters and time range. */
export function seriesUrl(state: MapState, r: SeriesRequest): string {
  const params = new URLSearchParams({ ...filterParams(state), bucket: r.bucket, split: r.split, lang: r.lang })
  if (r.route) (params.set('route', r.route.id), params.set('corridor_km', String(r.route.corridorKm)))
  return `/api/incidents/series?${params}`
}

/** What a chart depends on in a map state (filters and time range): a change of anything else (view, layers) asks nothing. */
export function chartKey(s: MapState): string {
  return JSON.stringify([s.filters.threats, s.filters.sources, s.filters.families, s.time])
}

/** Names of what a split's keys are: vocabulary tables, and the chart's words for what no split places. */
export interface KeyNames {
  threats: Readonly<Record<string, string>>
  families: Readonly<Record<string, string>>
  strings: ChartStrings
}

/** The display name of a series key (the service's label for countries and origins). */
export function keyName(split: ChartSplit, key: string, label: string, names: KeyNames): string {
  const t = names.strings
  if (split === 'none') return t.incidents
  if (split === 'threat') return names.threats[key] ?? key.replaceAll('_', ' ')
  if (split === 'family') return key === 'unassigned' ? t.unassigned : (names.families[key] ?? key)
  if (split === 'country' && key === 'none') return t.noCountry
  if (split === 'origin' && key === 'local') return t.local
  return label
}

/** A series key's colour: threats and families keep theirs whatever the filter, others go by rank. */
export function keyColour(split: ChartSplit, key: string, rank: number): string {
  if (split === 'threat') return SERIES_COLOURS[Math.max(0, THREATS.indexOf(key as (typeof THREATS)[number])) % SERIES_COLOURS.length]
  if (split === 'family') return FAMILY_COLOURS[key as keyof typeof FAMILY_COLOURS] ?? UNKNOWN_ROUTE_COLOUR
  return SERIES_COLOURS[rank % SERIES_COLOURS.length]
}

/** The incident series to draw: the answer's (largest first), beyond `maxSeries` the rest summed as "other". */
export function incidentChartSeries(answer: SeriesAnswer, names: KeyNames, maxSeries = 8): ChartSeries[] {
  const kept = answer.series.length > maxSeries ? answer.series.slice(0, maxSeries - 1) : answer.series
  const out: ChartSeries[] = kept.map((s, rank) => ({ key: s.key, label: keyName(answer.split, s.key, s.label, names), color: keyColour(answer.split, s.key, rank), values: s.values }))
  const rest = answer.series.slice(kept.length)
  if (rest.length > 0) {
    out.push({ key: 'other', label: names.strings.other, color: '#9a9388', values: answer.periods.map((_, i) => rest.reduce((sum, s) => sum + s.values[i], 0)) })
  }
  return out
}

/** Dead and missing over every series, each only where the data under the filters has such figures. */
export function casualtyChartSeries(answer: SeriesAnswer, strings: ChartStrings): ChartSeries[] {
  const total = (field: 'dead' | 'missing') => answer.periods.map((_, i) => answer.series.reduce((sum, s) => sum + s[field][i], 0))
  return [
    ...(answer.dead_incidents > 0 ? [{ key: 'dead', label: strings.dead, color: '#8c1c13', values: total('dead') }] : []),
    ...(answer.missing_incidents > 0 ? [{ key: 'missing', label: strings.missing, color: '#6d675e', values: total('missing') }] : []),
  ]
}

/** A download's file name: `incidents-threat-2022-01_2023-06.csv`. */
export function chartFileName(base: string, periods: readonly string[], ext: 'png' | 'svg' | 'csv'): string {
  const span = periods.length === 0 ? 'empty' : periods.length === 1 ? periods[0] : `${periods[0]}_${periods[periods.length - 1]}`
  return `${base.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}-${span}.${ext}`
}
