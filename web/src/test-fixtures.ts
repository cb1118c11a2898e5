// A small catalogue route for unit tests, shaped like one from `GET /api/routes`.

import type { RouteFeature, RouteProperties } from './api.ts'

/** A route Agadez → Sabha → Tripoli, overridable property by property. */
export function sampleRoute(overrides: Partial<RouteProperties> = {}): RouteFeature {
  const properties: RouteProperties = {
    id: 'central-agadez-tripoli',
    name: 'Agadez – Sabha – Tripoli',
    family: 'central',
    kind: 'migration',
    threats: ['migration_trafficking', 'identity_fraud'],
    direction: 'forward',
    confidence: 'high',
    confidence_note: 'Course reported consistently by IOM DTM flow monitoring.',
    description: 'The main trans-Saharan corridor towards Libya.',
    waypoints: [
      { name: 'Agadez', iso3: 'NER', lng: 7.99, lat: 16.97, source: 'geonames' },
      { name: 'Sabha', iso3: 'LBY', lng: 14.43, lat: 27.04, source: 'geonames' },
      { name: 'Tripoli', iso3: 'LBY', lng: 13.19, lat: 32.89, source: 'geonames' },
    ],
    countries: ['NER', 'LBY'],
    sources: [{ publisher: 'IOM', title: 'DTM Niger flow monitoring', year: 2023, url: 'https://dtm.iom.int/niger' }],
    length_km: 1834.4,
    ...overrides,
  }
  return {
    type: 'Feature',
    id: properties.id,
    properties,
    geometry: { type: 'LineString', coordinates: properties.waypoints.map((w) => [w.lng, w.lat]) },
  }
}
