// Validation of a user-drawn route: a GeoJSON LineString or MultiLineString, bare or as a
// Feature. Self-intersection is allowed (tracks loop); everything else a 400 should name is not.
import type { LineString, MultiLineString, Position } from 'geojson'
import { densifiedLength, densifyPath } from './densify.ts'

/** Most vertices one drawn route may have. */
export const MAX_VERTICES = 10_000

/** Most vertices a drawn route may have once densified to 0.1° edges (20,000° of line, ≈ 2 million km). */
export const MAX_DENSIFIED_VERTICES = 200_000

/** A validated line: its parts, each at least two [lng, lat] positions. */
export interface LineInput {
  geometry: LineString | MultiLineString
  parts: Position[][]
}

/** Thrown with the path of the offending member, e.g. "geometry.coordinates[3]". */
export class LineInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

/** Validates a GeoJSON line (or a Feature holding one); `allowMulti` false accepts LineString only. */
export function parseLineInput(input: unknown, { allowMulti = true, field = 'geometry' } = {}): LineInput {
  let geometry = input as Record<string, unknown> | null
  if (isObject(geometry) && geometry.type === 'Feature') geometry = geometry.geometry as Record<string, unknown>
  if (!isObject(geometry) || typeof geometry.type !== 'string') {
    throw new LineInputError(field, `${field} must be a GeoJSON LineString${allowMulti ? ' or MultiLineString' : ''}`)
  }
  const allowed = allowMulti ? ['LineString', 'MultiLineString'] : ['LineString']
  if (!allowed.includes(geometry.type)) {
    throw new LineInputError(`${field}.type`, `${field}.type must be ${allowed.join(' or ')}, got ${JSON.stringify(geometry.type)}`)
  }
  const coords = geometry.coordinates
  if (!Array.isArray(coords)) throw new LineInputError(`${field}.coordinates`, `${field}.coordinates must be an array`)
  const multi = geometry.type === 'MultiLineString'
  const rawParts: unknown[] = multi ? coords : [coords]
  if (rawParts.length === 0) throw new LineInputError(`${field}.coordinates`, `${field}.coordinates must hold at least one line`)

  let vertices = 0
  const parts = rawParts.map((part, p) => {
    const path = multi ? `${field}.coordinates[${p}]` : `${field}.coordinates`
    if (!Array.isArray(part)) throw new LineInputError(path, `${path} must be an array of positions`)
    if (part.length < 2) throw new LineInputError(path, `${path} must have at least 2 positions, got ${part.length}`)
    vertices += part.length
    if (vertices > MAX_VERTICES) throw new LineInputError(`${field}.coordinates`, `${field} must have at most ${MAX_VERTICES} vertices`)
    return part.map((pos, i) => parsePosition(pos, `${path}[${i}]`))
  })
  for (const [p, part] of parts.entries()) {
    if (part.every((pos) => pos[0] === part[0][0] && pos[1] === part[0][1])) {
      const path = multi ? `${field}.coordinates[${p}]` : `${field}.coordinates`
      throw new LineInputError(path, `${path} must have at least 2 distinct positions`)
    }
  }
  const clean: LineString | MultiLineString = multi ? { type: 'MultiLineString', coordinates: parts } : { type: 'LineString', coordinates: parts[0] }
  return { geometry: clean, parts }
}

/**
 * The line densified (densify.ts, 0.1° edges) as the map draws it, straight in longitude/latitude,
 * so PostGIS measures that shape and not great-circle arcs; throws when it would be too large.
 */
export function densifyLineInput(input: LineInput, { field = 'geometry' } = {}): LineInput {
  const total = input.parts.reduce((n, part) => n + densifiedLength(part), 0)
  if (total > MAX_DENSIFIED_VERTICES) {
    throw new LineInputError(`${field}.coordinates`, `${field} densified to 0.1° edges would have ${total} vertices, more than ${MAX_DENSIFIED_VERTICES}`)
  }
  const parts = input.parts.map((part) => densifyPath(part))
  const geometry: LineString | MultiLineString = input.geometry.type === 'MultiLineString' ? { type: 'MultiLineString', coordinates: parts } : { type: 'LineString', coordinates: parts[0] }
  return { geometry, parts }
}

function parsePosition(pos: unknown, path: string): Position {
  if (!Array.isArray(pos) || pos.length < 2 || pos.length > 3) throw new LineInputError(path, `${path} must be [lng, lat]`)
  const [lng, lat] = pos
  if (typeof lng !== 'number' || !Number.isFinite(lng) || lng < -180 || lng > 180) {
    throw new LineInputError(path, `${path} longitude must be a number from -180 to 180, got ${JSON.stringify(lng)}`)
  }
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new LineInputError(path, `${path} latitude must be a number from -90 to 90, got ${JSON.stringify(lat)}`)
  }
  return [lng, lat]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
