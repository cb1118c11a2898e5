// Bench section 4: route analysis through the API against its SQL steps run directly.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sqlFile } from '../../server/db/sql-files.ts'
import { DENSIFY_STEP_DEG } from '../../server/geo/densify.ts'
import type { Db } from '../../server/db/types.ts'
import { startApp } from '../../server/start.ts'
import { databaseUrl, median, row } from './common.ts'

/** Every SQL step of one analysis run directly, one after another; returns ms per step. */
async function analysisSteps(db: Db, geometry: unknown): Promise<Record<string, number>> {
  const g = JSON.stringify(geometry)
  const ms: Record<string, number> = {}
  const step = async (name: string, params: unknown[]) => {
    const t = performance.now()
    const rows = await db.query<{ geojson?: string }>(sqlFile(`analysis/${name}`), params)
    ms[name] = performance.now() - t
    return rows
  }
  await step('line-length', [g])
  await step('country-lengths', [g])
  await step('border-crossings', [g])
  await step('places-along', [g, 25, 0.5])
  const [corridor] = await step('corridor', [g, 25, 25 / 50 / 111.32, DENSIFY_STEP_DEG])
  await step('shared-corridors', [corridor.geojson, 20, null])
  await step('in-zone', [g, 'sahel-sahara'])
  return ms
}

export async function routeAnalysis(): Promise<void> {
  console.log('\n# 4. route analysis through the API vs its SQL steps run directly (median of 3 runs)')
  const drivers = [{ name: 'pglite', config: { dataDir: mkdtempSync(join(tmpdir(), 'bench-analysis-')), databaseUrl: null as string | null } }]
  if (databaseUrl) drivers.push({ name: 'pg', config: { dataDir: '', databaseUrl } })
  for (const { name, config } of drivers) {
    const app = await startApp(config)
    const routes = (await app.inject({ method: 'GET', url: '/api/routes' })).json().features as { id: string; geometry: unknown }[]
    const coords = Array.from({ length: 5000 }, (_, i) => [7.99 + (6.44 * i) / 4999 + 0.05 * Math.sin(i / 7), 16.97 + (10.07 * i) / 4999 + 0.05 * Math.cos(i / 11)])
    const drawn = { type: 'LineString', coordinates: coords }

    const cases = [
      {
        label: `${routes.length} catalogue routes`,
        geometries: routes.map((r) => r.geometry),
        api: async () => {
          for (const r of routes) await app.inject({ method: 'GET', url: `/api/routes/${r.id}/analysis?corridor_km=25` })
        },
      },
      { label: '5,000-vertex drawn line', geometries: [drawn], api: () => app.inject({ method: 'POST', url: '/api/analysis/route?corridor_km=25', payload: drawn }) },
    ]
    for (const c of cases) {
      const heaviest: number[] = []
      const all: number[] = []
      const api: number[] = []
      for (let run = 0; run < 4; run++) {
        let sumAll = 0
        const perStep: Record<string, number> = {}
        for (const g of c.geometries) {
          for (const [k, v] of Object.entries(await analysisSteps(app.db, g))) {
            perStep[k] = (perStep[k] ?? 0) + v
            sumAll += v
          }
        }
        const t = performance.now()
        await c.api()
        if (run === 0) continue // warm-up
        api.push(performance.now() - t)
        all.push(sumAll)
        heaviest.push(Math.max(...Object.values(perStep)))
      }
      const [h, a, x] = [median(heaviest), median(all), median(api)]
      row(`${name}: ${c.label}: heaviest SQL step alone`, `${h.toFixed(0)} ms`)
      row(`${name}: ${c.label}: every SQL step in sequence`, `${a.toFixed(0)} ms`)
      row(`${name}: ${c.label}: through the API`, `${x.toFixed(0)} ms`, x / a, 'all SQL steps')
      row('', '', x / h, 'heaviest step')
    }
    await app.close()
    if (name === 'pglite') rmSync(config.dataDir, { recursive: true, force: true })
  }
}
