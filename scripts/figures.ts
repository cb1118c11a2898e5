// npm run figures: regenerates the figures README.md, geodata/README.md and docs/geodesy.md quote, from the API
// rather than by hand. Each figure sits between `<!-- figure:NAME -->` markers
// (scripts/figures/markers.ts); this script rewrites what is between them and nothing else.
//   zone-area-km2            /api/zone's area_km2: PostGIS, geography on the WGS84 spheroid
//   zone-area-sphere-km2     Turf's spherical area of the geometry /api/zone returns
//   zone-spheroid-vs-sphere  how far apart those two are, percent
//   zone-vs-target           the zone's area against the secretariat's "about 4 million km²"
// The patrol figures come from the bench instead: npm run bench -- patrols, then npm run figures:patrols.
// Usage: npm run figures [-- --url http://127.0.0.1:3000] [--check]
//   --url      read a running service instead of starting one on a scratch embedded database
//   --check    change nothing; exit 1 when a figure in the files is not what the API says
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { area } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { startApp } from '../server/start.ts'
import { readFigures, thousands, writeFigures } from './figures/markers.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const FILES = [join(ROOT, 'README.md'), join(ROOT, 'geodata', 'README.md'), join(ROOT, 'docs', 'geodesy.md')]

/** The secretariat's target area, km² ("about 4 million km²"). */
const TARGET_KM2 = 4_000_000

type Get = (path: string) => Promise<unknown>

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  if (i < 0) return undefined
  const value = process.argv[i + 1]
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`)
  return value
}

/** The zone's figures: its area on the spheroid (the API) and on the sphere (Turf, same geometry). */
async function zoneFigures(get: Get): Promise<Record<string, string>> {
  const zone = (await get('/api/zone')) as Feature<Polygon | MultiPolygon, { area_km2: number }>
  const spheroidKm2 = zone.properties.area_km2
  const sphereKm2 = area(zone.geometry) / 1e6
  console.log(`zone: ${thousands(spheroidKm2)} km² (PostGIS, spheroid), ${thousands(sphereKm2)} km² (Turf, sphere)`)
  return {
    'zone-area-km2': thousands(spheroidKm2),
    'zone-area-sphere-km2': thousands(sphereKm2),
    'zone-spheroid-vs-sphere': `${(Math.abs(spheroidKm2 / sphereKm2 - 1) * 100).toFixed(2)}%`,
    'zone-vs-target': `${Math.round((spheroidKm2 / TARGET_KM2 - 1) * 100)}%`,
  }
}


/** A Get on a running service (--url), or on the app started on a scratch PGlite; close() ends it. */
async function openApi(url: string | undefined): Promise<{ get: Get; close: () => Promise<void> }> {
  if (url) {
    const base = url.replace(/\/$/, '')
    return {
      get: async (path) => {
        const res = await fetch(base + path)
        if (!res.ok) throw new Error(`GET ${base + path}: ${res.status}`)
        return res.json()
      },
      close: async () => {},
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'sahel-figures-'))
  console.log('starting the service on a scratch embedded database (about 15 s)…')
  const app = await startApp({ dataDir: dir, databaseUrl: null, demoData: false, logLevel: 'silent' })
  return {
    get: async (path) => {
      const res = await app.inject({ method: 'GET', url: path })
      if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode}`)
      return res.json()
    },
    close: async () => {
      await app.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check')
  const api = await openApi(argValue('--url'))
  let values: Record<string, string>
  try {
    values = await zoneFigures(api.get)
  } finally {
    await api.close()
  }
  const placed = new Set<string>()
  let stale = 0
  for (const file of FILES) {
    const before = readFileSync(file, 'utf8')
    const { text, changed } = writeFigures(before, values)
    for (const name of readFigures(before).keys()) placed.add(name)
    for (const name of changed) console.log(`${relative(ROOT, file)}: ${name} ${readFigures(before).get(name)} → ${values[name]}`)
    stale += changed.length
    if (!check && changed.length > 0) writeFileSync(file, text)
  }
  const unplaced = Object.keys(values).filter((n) => !placed.has(n))
  if (unplaced.length > 0) console.log(`no marker for: ${unplaced.join(', ')}`)
  if (check && stale > 0) throw new Error(`${stale} figure(s) differ from the API: run npm run figures`)
  console.log(check ? 'figures match the API' : stale > 0 ? `${stale} figure(s) updated` : 'figures already match the API')
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`figures: ${(err as Error).message}`)
    process.exit(1)
  },
)
