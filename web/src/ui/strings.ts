// Every string the UI shows, keyed, in English here and in French and Arabic beside it
// (strings-fr.ts, strings-ar.ts). Data (route names, descriptions) is not here. The page picks
// its locale once, from the map state, before anything is rendered (`setLocale`).

import type { Language } from '../../../shared/map-state.ts'
import type { Confidence, Family, Kind, Threat } from '../../../shared/vocabulary.ts'
import { ar } from './strings-ar.ts'
import { fr } from './strings-fr.ts'
import { THREAT_NAMES } from '../../../shared/vocabulary-names.ts'

/** The languages the UI speaks: those of the map state's `lang`. */
export type Locale = Language

/** One language's table: plain keys for chrome, nested records for vocabulary codes. */
export interface UiStrings {
  productName: string
  productTagline: string
  legendTitle: string
  migrationRoutes: string
  traffickingCorridors: string
  confidenceTitle: string
  /** legend row: a leg whose course is off-road or unknown, drawn dashed */
  legSchematic: string
  /** the embed's one dashed-line row: what a dashed line means */
  dashedMeaning: string
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
  panelPeriod: string
  panelStatus: string
  routeStatuses: Record<'active' | 'declining' | 'historical', string>
  periodOpen: string
  panelFlows: string
  flowMetrics: Record<'detections' | 'deaths' | 'flow_monitoring', string>
  /** Legend: what line width means for the chosen year (`year` null: the time range is open; `routes` with a figure that year). */
  flowWidth(year: number | null, routes: number): string
  flowWidthTitle: string
  panelSources: string
  panelDescription: string
  noSources: string
  unknown: string
  analysisTitle: string
  analysisLoading: string
  analysisFailed: (message: string) => string
  analysisLength: string
  analysisInZone: string
  analysisByCountry: string
  analysisSea: string
  analysisCrossings: string
  analysisNoCrossings: string
  alongKm: (km: string) => string
  nearPlace: (name: string, distance: string) => string
  atPlace: (name: string) => string
  analysisPlaces: (count: number) => string
  analysisNoPlaces: string
  placesTruncated: string
  placeOffLine: (distance: string) => string
  placeOnLine: string
  analysisShared: string
  analysisNoShared: string
  sharedSpan: (overlap: string, fromKm: string, toKm: string) => string
  corridorShow: string
  corridorWidth: string
  corridorWidthOption: (km: number) => string
  corridorArea: (area: string) => string
  toolbarLabel: string
  drawButton: string
  drawHint: string
  drawFinish: string
  drawUndo: string
  drawCancel: string
  drawnRouteTitle: string
  drawnPoints: (count: number) => string
  drawnRefused: (message: string) => string
  borderPicker: string
  borderPickerNone: string
  borderOption: (a: string, b: string) => string
  borderTitle: (a: string, b: string) => string
  borderLength: string
  borderRoutes: (count: number) => string
  borderNoRoutes: string
  borderLoading: string
  borderFailed: (message: string) => string
  crossingDirection: (from: string, to: string) => string
  attributionNaturalEarth: string
  attributionGeoNames: string
  attributionCatalogue: string
  languageLabel: string
  languageNames: Record<Locale, string>
  shareGroup: string
  copyEmbed: string
  embedDialogTitle: string
  embedDialogLead: string
  embedTitleLabel: string
  embedWidth: string
  embedHeight: string
  embedSaving: string
  embedFailed: (message: string) => string
  copyButton: string
  copied: string
  copyUnavailable: string
  closeDialog: string
  downloadPng: string
  exportMenu: string
  exportRoutes: string
  exportIncidents: string
  exportHotspots: string
  exportPlan: string
  stateProblem: (fields: string) => string
  dismiss: string
  mapTitle: string
  mapZoomIn: string
  mapZoomOut: string
  mapResetBearing: string
  mapToggleAttribution: string
  scaleKm: string
  scaleM: string
  embedOpenFull: string
  embedViewMissing: string
  embedFailedLoad: (message: string) => string
  families: Record<Family, string>
  kinds: Record<Kind, string>
  threats: Record<Threat, string>
  confidence: Record<Confidence, string>
}

/** English, the reference table every other must match key for key. */
export const en: UiStrings = {
  productName: 'Sahel Routes',
  productTagline: 'Migration and trafficking routes across the Sahel-Sahara',
  legendTitle: 'Legend',
  migrationRoutes: 'Migration routes, by family',
  traffickingCorridors: 'Trafficking corridors, by kind',
  confidenceTitle: 'Confidence in the course',
  legSchematic: 'Course not traced (schematic leg)',
  dashedMeaning: 'Dashed: low confidence, or course not traced',
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
  closePanel: 'Close the panel',
  panelFamily: 'Family',
  panelKind: 'Kind',
  panelThreats: 'Threats',
  panelDirection: 'Direction',
  panelConfidence: 'Confidence',
  panelLength: 'Length',
  panelCountries: 'Countries crossed',
  panelWaypoints: 'Waypoints, in order of travel',
  panelPeriod: 'Period',
  panelStatus: 'Status',
  routeStatuses: { active: 'Active', declining: 'Declining', historical: 'Historical' },
  periodOpen: 'open',
  panelFlows: 'Published figures per year',
  flowMetrics: { detections: 'Detections (Frontex)', deaths: 'Deaths and missing (IOM)', flow_monitoring: 'Flow monitoring (IOM DTM)' },
  flowWidth: (year, routes) => year === null ? 'Set an end year to scale routes by published flows' : routes === 0 ? `No published detections for ${year}` : `Frontex detections in ${year} (${routes} ${routes === 1 ? 'route' : 'routes'})`,
  flowWidthTitle: 'Line width',
  panelSources: 'Sources',
  panelDescription: 'Description',
  noSources: 'No source listed.',
  unknown: 'Unknown',
  analysisTitle: 'Analysis',
  analysisLoading: 'Analysing the route…',
  analysisFailed: (message) => `The analysis could not be loaded: ${message}`,
  analysisLength: 'Length',
  analysisInZone: 'In the operational zone',
  analysisByCountry: 'Length by country',
  analysisSea: 'Sea or outside any country',
  analysisCrossings: 'Border crossings',
  analysisNoCrossings: 'Crosses no land border.',
  alongKm: (km) => `km ${km}`,
  nearPlace: (name, distance) => `near ${name} (${distance})`,
  atPlace: (name) => `at ${name}`,
  analysisPlaces: (count) => `Places in the corridor (${count})`,
  analysisNoPlaces: 'No place in the corridor.',
  placesTruncated: 'Only the first places along the route are listed.',
  placeOffLine: (distance) => `${distance} off`,
  placeOnLine: 'on the line',
  analysisShared: 'Shared corridors',
  analysisNoShared: 'No other catalogue route runs in this corridor.',
  sharedSpan: (overlap, fromKm, toKm) => `${overlap} shared, from km ${fromKm} to km ${toKm}`,
  corridorShow: 'Show the corridor',
  corridorWidth: 'Width each side',
  corridorWidthOption: (km) => `${km} km`,
  corridorArea: (area) => `Corridor area ${area}`,
  toolbarLabel: 'Map tools',
  drawButton: 'Draw a route',
  drawHint: 'Click the map to add points; double-click or Finish to end, Escape to cancel.',
  drawFinish: 'Finish',
  drawUndo: 'Undo point',
  drawCancel: 'Cancel',
  drawnRouteTitle: 'Drawn route',
  drawnPoints: (count) => (count === 1 ? '1 point' : `${count} points`),
  drawnRefused: (message) => `The service refused this line: ${message}`,
  borderPicker: 'Border',
  borderPickerNone: 'Crossings of a border…',
  borderOption: (a, b) => `${a} – ${b}`,
  borderTitle: (a, b) => `${a} – ${b} border`,
  borderLength: 'Border length',
  borderRoutes: (count) => `Routes crossing it (${count})`,
  borderNoRoutes: 'No catalogue route crosses this border.',
  borderLoading: 'Loading the border crossings…',
  borderFailed: (message) => `The border crossings could not be loaded: ${message}`,
  crossingDirection: (from, to) => `${from} → ${to}`,
  attributionNaturalEarth: 'Natural Earth',
  attributionGeoNames: 'GeoNames (CC BY 4.0)',
  attributionCatalogue: 'Route catalogue: Sahel Routes, curated from Frontex, IOM, UNODC, GI-TOC reports',
  languageLabel: 'Language',
  languageNames: { en: 'English', fr: 'Français', ar: 'العربية' },
  shareGroup: 'Share and export',
  copyEmbed: 'Copy embed code',
  embedDialogTitle: 'Embed this map',
  embedDialogLead: 'Paste this code into a web page or an intranet article. It shows the map as it is now: view, layers, filters and language.',
  embedTitleLabel: 'Map title',
  embedWidth: 'Width (px)',
  embedHeight: 'Height (px)',
  embedSaving: 'Saving the view…',
  embedFailed: (message) => `The view could not be saved: ${message}`,
  copyButton: 'Copy',
  copied: 'Copied to the clipboard.',
  copyUnavailable: 'The clipboard is not available here: select the code and copy it.',
  closeDialog: 'Close',
  downloadPng: 'Download PNG',
  exportMenu: 'Export data',
  exportRoutes: 'Routes',
  exportIncidents: 'Incidents',
  exportHotspots: 'Hotspot cells',
  exportPlan: 'Patrol plan sites',
  stateProblem: (fields) => `Part of the link could not be read (${fields}); the default is shown instead.`,
  dismiss: 'Dismiss',
  mapTitle: 'Map',
  mapZoomIn: 'Zoom in',
  mapZoomOut: 'Zoom out',
  mapResetBearing: 'Reset north',
  mapToggleAttribution: 'Show or hide the credits',
  scaleKm: 'km',
  scaleM: 'm',
  embedOpenFull: 'Open in Sahel Routes',
  embedViewMissing: 'This map view does not exist or is no longer kept.',
  embedFailedLoad: (message) => `The map could not be loaded: ${message}`,
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
    gold: 'Gold trade',
  },
  threats: THREAT_NAMES.en,
  confidence: {
    high: 'High',
    medium: 'Medium',
    low: 'Low',
  },
}

const TABLES: Record<Locale, UiStrings> = { en, fr, ar }

/** The string table for a locale. */
export function stringsFor(locale: Locale): UiStrings {
  return TABLES[locale]
}

/** The page's locale, set once by `setLocale` before anything is rendered. */
export let LOCALE: Locale = 'en'

/** The current locale's strings (a live binding: modules read it when they render). */
export let S: UiStrings = en

/** Switches the locale and its strings; call before rendering, not during. */
export function setLocale(locale: Locale): void {
  LOCALE = locale
  S = TABLES[locale]
}

/** The text direction of a locale: Arabic reads right to left. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ar' ? 'rtl' : 'ltr'
}
