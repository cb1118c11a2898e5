// Boot step: loads the geodata built at install time (geodata/build/, from npm packages) and the
// curated route catalogue (geodata/routes.geojson) into the database, skipping every layer whose
// files have not changed since the last load.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Feature, FeatureCollection } from 'geojson'
import type { Db } from './db/types.ts'
import { placeSearchKey } from './geo/search-key.ts'
import { type GeodataLayer, loadedChecksums, replaceLayer } from './repos/geodata.ts'
import { OPERATIONAL_ZONE_ID } from './repos/zones.ts'

export const GEODATA_DIR = fileURLToPath(new URL('../geodata/', import.meta.url))

type Props = Record<string, any>

/** The files each layer is built from, relative to geodata/. */
const LAYER_FILES: Record<GeodataLayer, string[]> = {
  countries: ['build/countries.geojson', 'build/countries-display.geojson'],
  borders: ['build/borders.geojson'],
  places: ['build/places.geojson'],
  zones: ['build/zone.geojson'],
  // the countries file too: each route's countries are computed against it at load
  routes: ['routes.geojson', 'build/countries.geojson'],
  flows: ['route-flows.json'],
}

/** Loads every changed geodata layer; returns the layers it (re)loaded. */
export async function loadGeodata(db: Db, dir: string = GEODATA_DIR): Promise<GeodataLayer[]> {
  const missing = Object.values(LAYER_FILES).flat().filter((f) => !existsSync(dir + f))
  if (missing.length > 0) {
    throw new Error(`geodata not built: missing ${missing.join(', ')} in ${dir} (run npm run build)`)
  }
  const loaded = await loadedChecksums(db)
  const reloaded: GeodataLayer[] = []
  for (const [layer, files] of Object.entries(LAYER_FILES) as [GeodataLayer, string[]][]) {
    const texts = files.map((f) => readFileSync(dir + f, 'utf8'))
    const checksum = createHash('sha256').update(texts.join('\0')).digest('hex')
    if (loaded.get(layer) === checksum) continue
    const collections = texts.map((t) => JSON.parse(t) as FeatureCollection)
    await replaceLayer(db, layer, toRows(layer, collections), checksum)
    reloaded.push(layer)
  }
  return reloaded
}

function toRows(layer: GeodataLayer, [first, second]: FeatureCollection[]): unknown[] {
  const features = first.features as Feature<any, Props>[]
  switch (layer) {
    case 'countries': {
      const display = new Map((second.features as Feature<any, Props>[]).map((f) => [f.properties.iso3, f.geometry]))
      return features.map((f) => ({
        ...f.properties,
        geom: f.geometry,
        // a country too small for the 1:50m layer is drawn from its 1:10m shape
        geom_display: display.get(f.properties.iso3) ?? f.geometry,
      }))
    }
    case 'borders':
      return features.map((f) => ({ a_iso3: f.properties.a_iso3, b_iso3: f.properties.b_iso3, geom: f.geometry }))
    case 'places':
      return features.map((f, i) => {
        const p = f.properties
        const altNames: string[] = p.alt_names ?? []
        return {
          id: typeof f.id === 'number' ? f.id : i + 1,
          name: p.name,
          alt_names: altNames,
          search_key: placeSearchKey([p.name, ...altNames]),
          iso2: p.iso2 ?? null,
          iso3: p.iso3 ?? null,
          admin1: p.admin1 ?? null,
          rank: p.rank ?? 2,
          source: p.source ?? 'geonames',
          citation: p.citation ?? null,
          lng: f.geometry.coordinates[0],
          lat: f.geometry.coordinates[1],
        }
      })
    case 'zones':
      return features.map((f) => ({ id: OPERATIONAL_ZONE_ID, name: f.properties.name, definition: f.properties.definition, geom: f.geometry }))
    case 'routes':
      return features.map((f) => {
        const { id, name, family, kind, threats, direction, confidence, countries: _computedInSql, valid_from, valid_to, status, ...props } = f.properties
        return { id: id ?? f.id, name, family, kind, threats, direction, confidence, valid_from, valid_to, status, props, geom: f.geometry }
      })
    case 'flows':
      return (first as unknown as { flows: unknown[] }).flows
  }
}
