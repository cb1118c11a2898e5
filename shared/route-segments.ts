// A route's line split into its legs as they are known (track, schematic, sea), for the web map
// and static maps: the catalogue stores vertex ranges (props.segments), drawing needs lines.
import type { LineString } from 'geojson'
import { LEG_KINDS, type LegKind } from './vocabulary.ts'

export interface SegmentRef {
  kind: string
  /** first and last vertex index (inclusive) into the route's coordinates */
  start: number
  end: number
}

export interface RouteSegmentLine {
  leg: LegKind
  geometry: LineString
}

/**
 * The pieces of `line` named by `segments`, in order. A route without usable segments (an
 * analyst's drawing, or ranges that do not fit the line) is one schematic piece: a course not
 * known to follow a track is never presented as one.
 */
export function splitSegments(line: LineString, segments: readonly SegmentRef[] | null | undefined): RouteSegmentLine[] {
  const n = line.coordinates.length
  const usable =
    Array.isArray(segments) &&
    segments.length > 0 &&
    segments.every((s) => (LEG_KINDS as readonly string[]).includes(s.kind) && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end < n && s.end > s.start)
  if (!usable) return [{ leg: 'schematic', geometry: line }]
  return segments.map((s) => ({ leg: s.kind as LegKind, geometry: { type: 'LineString', coordinates: line.coordinates.slice(s.start, s.end + 1) } }))
}
