// The map state as request fields: one optional string per query parameter of
// shared/map-state.ts, and the parse that turns a bad state into a 400 naming the field.
import { Type } from 'typebox'
import { LANGUAGES, MAP_LAYERS, ORIGINS, MapStateError, parseMapState, type MapState } from '../../shared/map-state.ts'
import { BadRequestError } from '../http-errors.ts'

const text = (description: string, maxLength = 500) => Type.Optional(Type.String({ maxLength, description }))

/** Query (or body) fields of a map state; every value a string, as in a URL. */
export const MapStateFields = {
  v: text('map state version, 1'),
  bbox: text('view: west,south,east,north in degrees (wins over center and zoom)'),
  center: text('view: lng,lat of the centre'),
  zoom: text('view: Web Mercator zoom, 0 to 22'),
  layers: text(`comma-separated, among ${MAP_LAYERS.join(', ')}`),
  families: text('route families, comma-separated'),
  kinds: text('route kinds, comma-separated'),
  threats: text('incident threat categories, comma-separated'),
  sources: text('incident source datasets, comma-separated'),
  origin: text(`incidents' provenance: ${ORIGINS.join(', ')} (local: made here; an ISO3: received from that state's partners)`),
  from: text('first day, YYYY-MM-DD'),
  to: text('last day, YYYY-MM-DD'),
  hres: text('H3 resolution of hotspot cells, 3 to 8'),
  hstat: text('none or gistar'),
  plan: text('saved patrol plan id'),
  title: text('map title, at most 120 characters'),
  lang: text(`language of labels and legend: ${LANGUAGES.join(', ')}`),
}

export const MAP_STATE_KEYS = Object.keys(MapStateFields) as (keyof typeof MapStateFields)[]

/** The map state of a request's fields; a bad one is a 400 naming `${prefix}${field}`. */
export function mapStateOf(fields: Record<string, unknown>, prefix = ''): MapState {
  const params: Record<string, string | undefined> = {}
  for (const key of MAP_STATE_KEYS) if (typeof fields[key] === 'string') params[key] = fields[key] as string
  try {
    return parseMapState(params)
  } catch (err) {
    if (err instanceof MapStateError) throw new BadRequestError(`${prefix}${err.field}`, err.message)
    throw err
  }
}

/** A map state as JSON (GET /api/views/:id). */
export const MapStateSchema = Type.Object({
  v: Type.Integer(),
  view: Type.Union([
    Type.Object({ center: Type.Array(Type.Number()), zoom: Type.Number() }),
    Type.Object({ bbox: Type.Array(Type.Number()) }),
  ]),
  layers: Type.Array(Type.String()),
  filters: Type.Object({ families: Type.Array(Type.String()), kinds: Type.Array(Type.String()), threats: Type.Array(Type.String()), sources: Type.Array(Type.String()), origin: Type.Union([Type.String(), Type.Null()]) }),
  time: Type.Object({ from: Type.Union([Type.String(), Type.Null()]), to: Type.Union([Type.String(), Type.Null()]) }),
  hotspots: Type.Object({ res: Type.Union([Type.Integer(), Type.Null()]), stat: Type.String() }),
  plan: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  lang: Type.String(),
})
