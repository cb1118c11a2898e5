// The operational zone: the Sahel-Saharan band of the member states, from the Mauritanian
// Atlantic coast to Darfur. Defined as member-state land (Natural Earth 1:10m) clipped to a
// latitude/longitude window, so anyone can rebuild it from the same two inputs.
import { area, bboxPolygon, featureCollection, intersect, union } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { CountryFeature } from './countries.ts'
import { densifyGeometry } from './densify.ts'

/** The window, [west, south, east, north] in degrees, and which countries' land it keeps. */
export interface ZoneDefinition {
  name: string
  bbox: [number, number, number, number]
  iso3: readonly string[]
}

export interface ZoneProperties {
  name: string
  definition: string
  area_km2: number
}

/**
 * The default zone: 15°N (northern Sahel) to the Tropic of Cancer (23.44°N), west of 27°E (the
 * eastern edge of Darfur), over the member states that reach the band. Morocco and Western Sahara
 * are left out: their share of the band is the Atlantic coastal strip, which the Atlantic route
 * family covers, and world-atlas splits Western Sahara between its 'Morocco' and 'W. Sahara'
 * features in a way the secretariat should not have to take a view on.
 */
export const SAHEL_SAHARA_ZONE: ZoneDefinition = {
  name: 'Sahel-Saharan band',
  bbox: [-17.5, 15, 27, 23.44],
  iso3: ['MRT', 'MLI', 'NER', 'TCD', 'SDN', 'DZA', 'LBY', 'EGY'],
}

/** Human-readable definition of a zone, as stored in its `definition` property. */
export function describeZone(zone: ZoneDefinition): string {
  const [w, s, e, n] = zone.bbox
  return (
    `Land of ${zone.iso3.join(', ')} (Natural Earth 1:10m via world-atlas) between latitudes ` +
    `${s}°N and ${n}°N and longitudes ${w}° and ${e}°E; area geodesic (Turf, spherical Earth).`
  )
}

/** Geodesic area of a polygon in km², rounded to the km². */
export function areaKm2(geometry: Polygon | MultiPolygon): number {
  return Math.round(area(geometry) / 1e6)
}

/**
 * Builds the zone polygon from country features (any winding), densified (densify.ts) so its
 * 15°N and 23.44°N edges stay parallels once PostGIS reads it as geography; throws when none
 * overlaps the window.
 */
export function computeZone(
  countries: readonly CountryFeature[],
  zone: ZoneDefinition = SAHEL_SAHARA_ZONE,
): Feature<Polygon | MultiPolygon, ZoneProperties> {
  const window = bboxPolygon(zone.bbox)
  const parts: Feature<Polygon | MultiPolygon>[] = []
  for (const iso3 of zone.iso3) {
    const country = countries.find((c) => c.properties.iso3 === iso3)
    if (!country) throw new Error(`zone country ${iso3} is missing from the country features`)
    const clipped = intersect(featureCollection([country, window]))
    if (clipped) parts.push(clipped)
  }
  if (parts.length === 0) throw new Error(`zone ${zone.name} does not overlap any of ${zone.iso3.join(', ')}`)
  const merged = parts.length === 1 ? parts[0] : union(featureCollection(parts))
  if (!merged) throw new Error(`zone ${zone.name}: union of ${parts.length} parts is empty`)
  const geometry = densifyGeometry(merged.geometry)
  return {
    type: 'Feature',
    id: 'zone',
    properties: { name: zone.name, definition: describeZone(zone), area_km2: areaKm2(geometry) },
    geometry,
  }
}
