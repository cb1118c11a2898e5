// The whole map style: basemap, analysis corridor and border under the routes, routes, then
// labels, waypoints, the draw tool's sketch and crossing markers on top.
// No `glyphs` and no `sprite`: labels are drawn locally from `font-faces`, icons in code.

import type { StyleSpecification } from 'maplibre-gl'
import type { Locale } from '../ui/strings.ts'
import { analysisLowerLayers, analysisSources, analysisUpperLayers } from './analysis-layers.ts'
import { basemapLabelLayers, basemapLowerLayers, basemapSources } from './basemap-layers.ts'
import { fontFaces } from './fonts.ts'
import { ROUTE_GROUPS, routeGroupFilter } from './route-groups.ts'
import { routeLayers, routeSources, waypointLayers } from './route-layers.ts'

/** The map style, every URL absolute on `origin` (the service's own origin). */
export function buildStyle(origin: string, locale: Locale): StyleSpecification {
  const everyGroup = new Set(ROUTE_GROUPS.map((group) => group.key))
  return {
    version: 8,
    name: 'Sahel Routes',
    'font-faces': fontFaces(origin),
    sources: { ...basemapSources(origin), ...analysisSources(), ...routeSources() },
    layers: [
      ...basemapLowerLayers(),
      ...analysisLowerLayers(),
      ...routeLayers(routeGroupFilter(everyGroup)),
      ...basemapLabelLayers(locale),
      ...waypointLayers(),
      ...analysisUpperLayers(),
    ],
  }
}
