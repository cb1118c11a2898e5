// Boot step: seeds synthetic demo incidents along the catalogue routes when the incidents table
// is empty, so a fresh install's first screen is not empty. Fixed seed: the same on every machine.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { FeatureCollection, LineString } from 'geojson'
import { secretariatOwner } from '../../shared/access.ts'
import type { Db } from '../db/types.ts'
import { mulberry32 } from '../geo/prng.ts'
import { SYNTHETIC_CREDIT, SYNTHETIC_DATASET, syntheticIncidents, type SyntheticRoute } from '../geo/synthetic.ts'
import { GEODATA_DIR } from '../load-geodata.ts'
import { anyIncidents } from '../repos/incidents.ts'
import { importRows, type ImportReport } from './run-import.ts'

export const DEMO_SEED = 20_190_101
export const DEMO_COUNT = 4_000
/** Made-up data, labelled so everywhere: public, so embeds and every agency show it. */
const DEMO_OWNER = secretariatOwner('public')

/** Seeds the demo incidents unless any incident exists; returns the import report or null. */
export async function seedDemoIncidents(db: Db, file = `${GEODATA_DIR}routes.geojson`): Promise<ImportReport | null> {
  if (await anyIncidents(db)) return null
  const text = readFileSync(file, 'utf8')
  // forced movements (displacement, expulsion) carry no threat category, so no synthetic incidents
  const routes: SyntheticRoute[] = (JSON.parse(text) as FeatureCollection<LineString, any>).features.filter((f) => f.properties.threats.length > 0).map((f) => ({
    id: f.properties.id,
    name: f.properties.name,
    family: f.properties.family,
    threats: f.properties.threats,
    coordinates: f.geometry.coordinates as [number, number][],
    waypoints: f.properties.waypoints,
  }))
  const incidents = syntheticIncidents(routes, mulberry32(DEMO_SEED), { count: DEMO_COUNT })
  const checksum = createHash('sha256').update(`${DEMO_SEED}:${DEMO_COUNT}:`).update(text).digest('hex')
  return importRows(
    db,
    { fileName: `synthetic demo (seed ${DEMO_SEED})`, format: 'synthetic', dataset: SYNTHETIC_DATASET, checksum, strict: true, startedAt: new Date(), owner: DEMO_OWNER },
    { dataset: SYNTHETIC_DATASET, credit: SYNTHETIC_CREDIT, url: null, licence: 'synthetic data made by this project', redistribution: true },
    incidents,
  )
}
