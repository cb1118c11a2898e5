// The collections OGC API Features serves, each a set of queries in server/sql/ogc/ with keyset
// paging by id (stable however large the table): items, count, one item, extent.
import type { Feature, Geometry } from 'geojson'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'
import type { Bbox } from '../../shared/bbox.ts'
import { ORIGINS } from '../../shared/map-state.ts'
import type { Interval } from '../geo/ogc-params.ts'

export type FilterType = 'string' | 'integer' | 'boolean'

export interface ItemsQuery {
  bbox: Bbox | null
  interval: Interval | null
  limit: number
  /** 'next': the ids after cursor; 'prev': the ids before it */
  direction: 'next' | 'prev'
  cursor: string | null
  /** simple property filters, already checked against the collection's queryables */
  filters: Record<string, string | number | boolean>
}

export interface OgcCollection {
  id: string
  title: string
  description: string
  /** whether datetime applies (to which property, in the description) */
  temporal: boolean
  /** simple property filters, in the order the items SQL takes them after its fixed parameters */
  queryables: Record<string, FilterType>
  /** the values a string queryable may take, where they are a closed list (any other is a 400) */
  enums?: Record<string, readonly string[]>
  /** what a feature id (and so a paging cursor) looks like */
  idPattern: RegExp
}

export const OGC_COLLECTIONS: OgcCollection[] = [
  {
    id: 'routes',
    title: 'Route catalogue',
    description: 'Migrant routes and trafficking corridors, curated from Frontex, IOM, UNODC and GI-TOC reports; datetime keeps the routes whose period (valid_from..valid_to) overlaps it.',
    temporal: true,
    queryables: { family: 'string', kind: 'string', confidence: 'string', threat: 'string', status: 'string' },
    idPattern: /^[a-z0-9][a-z0-9-]{0,99}$/,
  },
  {
    id: 'incidents',
    title: 'Incidents',
    description: 'Imported incidents (IOM Missing Migrants Project, ACLED, agency files) and, on a demo install, synthetic demo data; each carries its source credit and, when received from a partner deployment, its origin state and agency. datetime filters on the date of occurrence.',
    temporal: true,
    queryables: { threat: 'string', source: 'string', route_family: 'string', date_precision: 'string', origin: 'string' },
    // origin: made here (local) or received from partner deployments of a member state
    enums: { origin: ORIGINS },
    idPattern: /^\d{1,15}$/,
  },
  {
    id: 'plans',
    title: 'Saved patrol plans',
    description: 'Joint patrol plans saved by planners: each a MultiPoint of its sites with k, reach and coverage; datetime filters on the save time.',
    temporal: true,
    queryables: { name: 'string' },
    idPattern: /^\d{1,15}$/,
  },
  {
    id: 'places',
    title: 'Places',
    description: 'GeoNames towns (CC BY 4.0) and curated desert hubs in the analysis box.',
    temporal: false,
    queryables: { iso3: 'string', rank: 'integer', source: 'string', name: 'string' },
    idPattern: /^\d{1,9}$/,
  },
  {
    id: 'countries',
    title: 'Countries',
    description: 'Member states and neighbours, Natural Earth 1:10m, with names in English, French and Arabic.',
    temporal: false,
    queryables: { member: 'boolean' },
    idPattern: /^[A-Z]{3}$/,
  },
  {
    id: 'borders',
    title: 'Land borders',
    description: 'Land borders between neighbouring countries with their geodesic length in km (Natural Earth 1:10m).',
    temporal: false,
    queryables: { country: 'string' },
    idPattern: /^[A-Z]{3}-[A-Z]{3}$/,
  },
]

/** The collection with this id, or undefined. */
export function findCollection(id: string): OgcCollection | undefined {
  return OGC_COLLECTIONS.find((c) => c.id === id)
}

type Row = { id: string | number; geometry: Geometry; props?: Record<string, unknown> } & Record<string, unknown>

function toFeature({ id, geometry, props, ...properties }: Row): Feature {
  return { type: 'Feature', id, geometry, properties: { ...props, ...properties } }
}

function filterValues(c: OgcCollection, q: ItemsQuery): unknown[] {
  return Object.keys(c.queryables).map((k) => q.filters[k] ?? null)
}

function spaceTime(c: OgcCollection, q: ItemsQuery): unknown[] {
  const bbox = q.bbox ?? [null, null, null, null]
  const time = c.temporal ? [q.interval?.start ?? null, q.interval?.end ?? null] : []
  return [...bbox, ...time]
}

/** One page of items in id order, and how many match in all. */
export async function collectionItems(db: Db, c: OgcCollection, q: ItemsQuery): Promise<{ features: Feature[]; numberMatched: number }> {
  const page = [q.limit, q.direction, q.cursor]
  const [rows, [count]] = await Promise.all([
    db.query<Row>(sqlFile(`ogc/${c.id}-items`), [...spaceTime(c, q), ...page, ...filterValues(c, q)]),
    db.query<{ n: number }>(sqlFile(`ogc/${c.id}-count`), [...spaceTime(c, q), ...filterValues(c, q)]),
  ])
  // a 'prev' page comes back last first
  const sorted = q.direction === 'prev' ? rows.reverse() : rows
  return { features: sorted.map(toFeature), numberMatched: count.n }
}

/** One item by id, or null. */
export async function collectionItem(db: Db, c: OgcCollection, id: string): Promise<Feature | null> {
  if (!c.idPattern.test(id)) return null
  const [row] = await db.query<Row>(sqlFile(`ogc/${c.id}-item`), [id])
  return row ? toFeature(row) : null
}

/** The spatial extent and, for temporal collections, the time interval of a collection. */
export async function collectionExtent(db: Db, c: OgcCollection) {
  const [r] = await db.query<{ w: number | null; s: number; e: number; n: number; t0: Date | null; t1: Date | null }>(sqlFile(`ogc/${c.id}-extent`))
  return {
    spatial: { bbox: [r.w === null ? [-180, -90, 180, 90] : [r.w, r.s, r.e, r.n]], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' },
    ...(c.temporal
      ? { temporal: { interval: [[r.t0?.toISOString() ?? null, r.t1?.toISOString() ?? null]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' } }
      : {}),
  }
}
