// Incidents over time: counts (and dead and missing) per month or quarter for the incident
// filters, split by threat, route family, country or exchange origin, optionally near one route.
import { periodOf } from '../../shared/charts/scale.ts'
import type { Language } from '../../shared/map-state.ts'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'
import { DENSIFY_STEP_DEG } from '../geo/densify.ts'
import { binSequence } from '../geo/time-bins.ts'
import { filterParams, type IncidentFilter } from './incidents.ts'

export const SERIES_BUCKETS = ['month', 'quarter'] as const
export const SERIES_SPLITS = ['threat', 'family', 'country', 'origin', 'none'] as const
export type SeriesBucket = (typeof SERIES_BUCKETS)[number]
export type SeriesSplit = (typeof SERIES_SPLITS)[number]

/** The key of incidents a split cannot place: no route family, at sea, made here; and of split 'none'. */
export const UNSPLIT_KEYS: Record<SeriesSplit, string> = { threat: 'unclassified', family: 'unassigned', country: 'none', origin: 'local', none: 'all' }

/**
 * Grid squares per degree the country split places incidents by (series/counts-by-country.sql): a
 * power of two, so a point's square is exact in floating point; 1/8 degree is about 14 km.
 */
export const COUNTRY_SQUARES_PER_DEG = 8

/** The most periods a series spans: 100 years of months. */
export const MAX_SERIES_MONTHS = 1200

/** A from..to (or the incidents' own first..last) longer than MAX_SERIES_MONTHS; `field` is the end to move. */
export class SeriesSpanError extends Error {
  constructor(readonly field: 'from' | 'to', first: string, last: string) {
    super(`a chart spans at most ${MAX_SERIES_MONTHS / 12} years, got ${first} .. ${last}`)
  }
}

export interface SeriesOptions {
  bucket: SeriesBucket
  split: SeriesSplit
  /** only incidents within corridorKm (geodesic) of this catalogue route's line */
  route?: { id: string; corridorKm: number }
  /** language of country labels; default en */
  lang?: Language
}

export interface IncidentSeries {
  /** 'YYYY-MM' or 'YYYY-Qn', every period from `from` (or the first incident) to `to` (or the last) */
  periods: string[]
  /** largest total first; values, dead and missing aligned with periods (0 where none) */
  series: { key: string; label: string; values: number[]; dead: number[]; missing: number[] }[]
  /** matching incidents whose dead or missing is known: 0 means the data has no casualty figures */
  casualtyIncidents: number
  /** matching incidents whose dead figure is known, and whose missing figure is (0: draw no such series) */
  deadIncidents: number
  missingIncidents: number
  /** matching incidents dated only to a year, which no month or quarter holds (left out of the series) */
  yearPrecise: number
}

interface Row {
  bin: string | null
  key: string | null
  label: string | null
  n: number
  dead: number
  missing: number
  casualties: number
  dead_known: number
  missing_known: number
}

/** Incident counts per period and split key for the filter (the request's db applies its sharing scope). */
export async function incidentSeries(db: Db, filter: IncidentFilter, options: SeriesOptions): Promise<IncidentSeries> {
  const { bucket, split, route, lang = 'en' } = options
  const where = [...filterParams(filter)]
  const near = [route?.id ?? null, route?.corridorKm ?? null, DENSIFY_STEP_DEG, lang]
  const rows =
    split === 'country'
      ? await db.query<Row>(sqlFile('series/counts-by-country'), [...where, COUNTRY_SQUARES_PER_DEG, bucket, ...near])
      : await db.query<Row>(sqlFile('series/counts'), [...where, bucket, split, ...near])
  const dated = rows.filter((r): r is Row & { bin: string } => r.bin !== null)
  const yearPrecise = rows.filter((r) => r.bin === null).reduce((sum, r) => sum + r.n, 0)
  const known = { casualtyIncidents: 0, deadIncidents: 0, missingIncidents: 0 }
  for (const r of dated) (known.casualtyIncidents += r.casualties), (known.deadIncidents += r.dead_known), (known.missingIncidents += r.missing_known)
  if (dated.length === 0 && filter.from === undefined && filter.to === undefined) return { periods: [], series: [], ...known, yearPrecise }
  const first = filter.from ?? dated[0]?.bin ?? filter.to!
  const last = filter.to ?? dated.at(-1)?.bin ?? filter.from!
  const months = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7))
  if (months >= MAX_SERIES_MONTHS) throw new SeriesSpanError(filter.from !== undefined && filter.to === undefined ? 'from' : 'to', first, last)
  const periods = binSequence(first, last, bucket).map((d) => periodOf(d, bucket))
  const index = new Map(periods.map((p, i) => [p, i]))
  const byKey = new Map<string, IncidentSeries['series'][number]>()
  for (const r of dated) {
    const key = r.key ?? UNSPLIT_KEYS[split]
    let s = byKey.get(key)
    if (!s) byKey.set(key, (s = { key, label: r.label ?? key, values: periods.map(() => 0), dead: periods.map(() => 0), missing: periods.map(() => 0) }))
    const i = index.get(periodOf(r.bin, bucket))!
    s.values[i] += r.n
    s.dead[i] += r.dead
    s.missing[i] += r.missing
  }
  const total = (s: { values: number[] }) => s.values.reduce((a, b) => a + b, 0)
  const series = [...byKey.values()].sort((a, b) => total(b) - total(a) || a.key.localeCompare(b.key))
  return { periods, series, ...known, yearPrecise }
}
