// The map state: one small, versioned, validated object that says what a map shows (view,
// layers, filters, time range, hotspot settings, plan, title, language). It round-trips through
// a URL query string, so the app, /v/:id, embeds and static maps all draw the same map from it.
import { MEMBER_STATES } from './access.ts'
import { type Bbox, parseBbox } from './bbox.ts'
import { FAMILIES, KINDS, THREATS } from './vocabulary.ts'

export const MAP_STATE_VERSION = 1
export const MAP_LAYERS = ['routes', 'borders', 'places', 'zone', 'incidents', 'hotspots', 'plan'] as const
export const LANGUAGES = ['en', 'fr', 'ar'] as const
/** Values of the origin filter: made here, or received from partners of a member state. */
export const ORIGINS = ['local', ...MEMBER_STATES] as const
export type MapLayer = (typeof MAP_LAYERS)[number]
export type Language = (typeof LANGUAGES)[number]

export interface MapState {
  v: typeof MAP_STATE_VERSION
  /** what the map frames: a centre and zoom, or a bbox [west, south, east, north] */
  view: { center: [number, number]; zoom: number } | { bbox: Bbox }
  layers: MapLayer[]
  /** origin: incidents made here ('local') or received from partners of one member state (ISO3); null = all */
  filters: { families: string[]; kinds: string[]; threats: string[]; sources: string[]; origin: string | null }
  /** inclusive dates, YYYY-MM-DD */
  time: { from: string | null; to: string | null }
  hotspots: { res: number | null; stat: 'none' | 'gistar' }
  plan: string | null
  title: string | null
  lang: Language
}

/** Thrown with the query parameter at fault. */
export class MapStateError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

export const DEFAULT_MAP_STATE: MapState = {
  v: MAP_STATE_VERSION,
  view: { bbox: [-18, 8, 38, 36] },
  layers: ['routes', 'borders', 'places'],
  filters: { families: [], kinds: [], threats: [], sources: [], origin: null },
  time: { from: null, to: null },
  hotspots: { res: null, stat: 'none' },
  plan: null,
  title: null,
  lang: 'en',
}

const list = (raw: string | undefined) => (raw === undefined || raw === '' ? [] : raw.split(','))

function oneOf<T extends string>(field: string, values: string[], allowed: readonly T[]): T[] {
  for (const v of values) {
    if (!allowed.includes(v as T)) throw new MapStateError(field, `${field} has an unknown value "${v}"; expected ${allowed.join(', ')}`)
  }
  return values as T[]
}

function number(field: string, raw: string, min: number, max: number): number {
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new MapStateError(field, `${field} must be a number from ${min} to ${max}, got "${raw}"`)
  return n
}

function date(field: string, raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || new Date(`${raw}T00:00:00Z`).toISOString().slice(0, 10) !== raw) {
    throw new MapStateError(field, `${field} must be a date YYYY-MM-DD, got "${raw}"`)
  }
  return raw
}

/** Reads a map state from URL query parameters; absent ones take the defaults. */
export function parseMapState(params: Record<string, string | undefined>): MapState {
  if (params.v !== undefined && params.v !== String(MAP_STATE_VERSION)) {
    throw new MapStateError('v', `v must be ${MAP_STATE_VERSION}, got "${params.v}"`)
  }
  let view: MapState['view'] = DEFAULT_MAP_STATE.view
  if (params.bbox !== undefined) {
    try {
      view = { bbox: parseBbox(params.bbox) }
    } catch (err) {
      throw new MapStateError('bbox', (err as Error).message)
    }
    if (view.bbox[0] === view.bbox[2] || view.bbox[1] === view.bbox[3]) throw new MapStateError('bbox', 'bbox must have a width and a height')
  } else if (params.center !== undefined || params.zoom !== undefined) {
    const c = (params.center ?? '').split(',')
    if (c.length !== 2) throw new MapStateError('center', `center must be "lng,lat", got "${params.center ?? ''}"`)
    view = { center: [number('center', c[0], -180, 180), number('center', c[1], -85, 85)], zoom: number('zoom', params.zoom ?? '3', 0, 22) }
  }
  const res = params.hres === undefined || params.hres === '' ? null : number('hres', params.hres, 3, 8)
  if (res !== null && !Number.isInteger(res)) throw new MapStateError('hres', `hres must be an integer from 3 to 8, got "${params.hres}"`)
  const title = params.title ?? null
  if (title !== null && title.length > 120) throw new MapStateError('title', `title must be at most 120 characters, got ${title.length}`)
  const plan = params.plan ?? null
  if (plan !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(plan)) throw new MapStateError('plan', `plan must be a plan id, got "${plan}"`)
  const time = { from: date('from', params.from), to: date('to', params.to) }
  if (time.from && time.to && time.from > time.to) throw new MapStateError('to', `to (${time.to}) is before from (${time.from})`)
  return {
    v: MAP_STATE_VERSION,
    view,
    layers: params.layers === undefined ? [...DEFAULT_MAP_STATE.layers] : oneOf('layers', list(params.layers), MAP_LAYERS),
    filters: {
      families: oneOf('families', list(params.families), FAMILIES),
      kinds: oneOf('kinds', list(params.kinds), KINDS),
      threats: oneOf('threats', list(params.threats), THREATS),
      sources: list(params.sources).map((s) => {
        if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(s)) throw new MapStateError('sources', `sources has an invalid source id "${s}"`)
        return s
      }),
      origin: params.origin === undefined || params.origin === '' ? null : oneOf('origin', [params.origin], ORIGINS)[0],
    },
    time,
    hotspots: { res, stat: oneOf('hstat', [params.hstat ?? 'none'], ['none', 'gistar'] as const)[0] },
    plan,
    title,
    lang: oneOf('lang', [params.lang ?? 'en'], LANGUAGES)[0],
  }
}

/** Writes a map state as URL query parameters, leaving out what equals the default. */
export function mapStateToParams(state: MapState): Record<string, string> {
  const p: Record<string, string> = { v: String(state.v) }
  if ('bbox' in state.view) p.bbox = state.view.bbox.join(',')
  else {
    p.center = state.view.center.map((x) => +x.toFixed(5)).join(',')
    p.zoom = String(+state.view.zoom.toFixed(2))
  }
  if (state.layers.join(',') !== DEFAULT_MAP_STATE.layers.join(',')) p.layers = state.layers.join(',')
  for (const key of ['families', 'kinds', 'threats', 'sources'] as const) if (state.filters[key].length) p[key] = state.filters[key].join(',')
  if (state.filters.origin) p.origin = state.filters.origin
  if (state.time.from) p.from = state.time.from
  if (state.time.to) p.to = state.time.to
  if (state.hotspots.res !== null) p.hres = String(state.hotspots.res)
  if (state.hotspots.stat !== 'none') p.hstat = state.hotspots.stat
  if (state.plan) p.plan = state.plan
  if (state.title) p.title = state.title
  if (state.lang !== 'en') p.lang = state.lang
  return p
}
