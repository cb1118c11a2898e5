// Every string the UI shows, keyed, so a French or Arabic table can be added beside `en`
// without touching the modules that render them. Data (route names, descriptions) is not here.

import type { Confidence, Family, Kind, Threat } from '../../../server/geo/vocabulary.ts'

/** The languages the UI can speak; only English is written so far. */
export type Locale = 'en'

/** One language's table: plain keys for chrome, nested records for vocabulary codes. */
export interface UiStrings {
  productName: string
  productTagline: string
  legendTitle: string
  migrationRoutes: string
  traffickingCorridors: string
  confidenceTitle: string
  directionTitle: string
  oneWay: string
  bothWays: string
  mapLayersTitle: string
  labelsToggle: string
  bordersToggle: string
  waypointsToggle: string
  routesTitle: string
  routeCount: (count: number) => string
  loadingRoutes: string
  routesFailed: (message: string) => string
  closePanel: string
  panelFamily: string
  panelKind: string
  panelThreats: string
  panelDirection: string
  panelConfidence: string
  panelLength: string
  panelCountries: string
  panelWaypoints: string
  panelSources: string
  panelDescription: string
  noSources: string
  unknown: string
  attributionNaturalEarth: string
  attributionGeoNames: string
  attributionCatalogue: string
  families: Record<Family, string>
  kinds: Record<Kind, string>
  threats: Record<Threat, string>
  confidence: Record<Confidence, string>
}

const en: UiStrings = {
  productName: 'Sahel Routes',
  productTagline: 'Migration and trafficking routes across the Sahel-Sahara',
  legendTitle: 'Legend',
  migrationRoutes: 'Migration routes, by family',
  traffickingCorridors: 'Trafficking corridors, by kind',
  confidenceTitle: 'Confidence in the course',
  directionTitle: 'Direction',
  oneWay: 'One way (arrows show travel)',
  bothWays: 'Both ways',
  mapLayersTitle: 'Map layers',
  labelsToggle: 'Place and country names',
  bordersToggle: 'Land borders',
  waypointsToggle: 'Waypoints of the selected route',
  routesTitle: 'Routes',
  routeCount: (count) => (count === 1 ? '1 route' : `${count} routes`),
  loadingRoutes: 'Loading routes…',
  routesFailed: (message) => `Routes could not be loaded: ${message}`,
  closePanel: 'Close route details',
  panelFamily: 'Family',
  panelKind: 'Kind',
  panelThreats: 'Threats',
  panelDirection: 'Direction',
  panelConfidence: 'Confidence',
  panelLength: 'Length',
  panelCountries: 'Countries crossed',
  panelWaypoints: 'Waypoints, in order of travel',
  panelSources: 'Sources',
  panelDescription: 'Description',
  noSources: 'No source listed.',
  unknown: 'Unknown',
  attributionNaturalEarth: 'Natural Earth',
  attributionGeoNames: 'GeoNames (CC BY 4.0)',
  attributionCatalogue: 'Route catalogue: Sahel Routes, curated from Frontex, IOM, UNODC, GI-TOC reports',
  families: {
    western: 'Western Mediterranean',
    central: 'Central Mediterranean',
    eastern: 'Eastern Mediterranean',
    atlantic: 'Atlantic (West African)',
    sahara: 'Trans-Saharan',
  },
  kinds: {
    migration: 'Migration',
    drugs: 'Drug trafficking',
    arms: 'Arms trafficking',
    fuel: 'Fuel smuggling',
    goods: 'Goods smuggling',
  },
  threats: {
    narco_terrorism: 'Narco-terrorism',
    radicalised_returnees: 'Radicalised returnees',
    migration_trafficking: 'Migrant smuggling and human trafficking',
    subsidised_goods_smuggling: 'Smuggling of subsidised goods',
    drug_trafficking: 'Drug trafficking',
    cross_border_terrorism: 'Cross-border terrorism',
    foreign_armed_groups: 'Foreign armed groups',
    identity_fraud: 'Identity and document fraud',
    arms_proliferation: 'Arms proliferation',
    illegal_fishing: 'Illegal fishing',
    sea_pollution: 'Sea pollution',
  },
  confidence: {
    high: 'High',
    medium: 'Medium',
    low: 'Low',
  },
}

const TABLES: Record<Locale, UiStrings> = { en }

/** The string table for a locale. */
export function stringsFor(locale: Locale): UiStrings {
  return TABLES[locale]
}

/** The UI's current locale; one place to switch when French and Arabic arrive. */
export const LOCALE: Locale = 'en'

/** The current locale's strings. */
export const S: UiStrings = stringsFor(LOCALE)
