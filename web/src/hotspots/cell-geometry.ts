// H3 cells as map geometry: hexagons for the Gi* GeoJSON source, and a cell's bbox for the
// incident request behind a clicked cell. h3-js gives [lng, lat] rings with formatAsGeoJson.

import type { Feature, FeatureCollection, Polygon } from 'geojson'
import { cellToBoundary } from 'h3-js'
import type { Bbox } from './hotspot-query.ts'
import type { HotspotCell } from './hotspots-api.ts'

/** Cells as hexagon features, with every number of the cell in the properties. */
export function cellFeatures(cells: readonly HotspotCell[]): FeatureCollection<Polygon, HotspotCell> {
  return {
    type: 'FeatureCollection',
    features: cells.map((cell): Feature<Polygon, HotspotCell> => ({
      type: 'Feature',
      properties: { ...cell },
      geometry: { type: 'Polygon', coordinates: [cellToBoundary(cell.h3, true)] },
    })),
  }
}

/** The cell's [west, south, east, north] in degrees (cells of this zone never cross 180°). */
export function cellBbox(h3: string): Bbox {
  const ring = cellToBoundary(h3, true)
  const lngs = ring.map((p) => p[0])
  const lats = ring.map((p) => p[1])
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)]
}
