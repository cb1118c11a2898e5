// Bench section: what row-level security costs. The same requests over the same 1,000,000
// incidents, alternated request by request between two apps on one database: AUTH=off (no
// policies: the local analyst) and AUTH=on (a member agency's token: each query in a transaction
// as sahel_request, every row checked by the sharing policy).
import { buildApp } from '../../server/app.ts'
import { mulberry32 } from '../../server/geo/prng.ts'
import { syntheticIncidents } from '../../server/geo/synthetic.ts'
import { insertAgency } from '../../server/repos/auth.ts'
import { startApp } from '../../server/start.ts'
import { userWithToken } from '../../tests/helpers/users.ts'
import { median, row, scratchDatabases } from './common.ts'
import { catalogueRoutes, loadMillion } from './incident-data.ts'

const RUNS = 10

const REQUESTS: [string, string][] = [
  ['incidents page of 500', '/api/incidents?limit=500'],
  ['hotspots res 5', '/api/hotspots?res=5'],
  ['hotspots res 7, Gi*, 20x15 degrees', '/api/hotspots?res=7&stat=gistar&bbox=0,10,20,25'],
  ['incidents tile 6/33/28, uncached', '/tiles/incidents/6/33/28.mvt'],
  ['OGC incidents page of 1,000 (with its count)', '/ogc/collections/incidents/items?limit=1000'],
  ['route analysis (tables without policies)', '/api/routes/cmr-agadez-sabha-tripoli/analysis'],
]

export async function accessOverhead(): Promise<void> {
  console.log(`\n# 12. row-level security: the same requests with AUTH=on (member token) vs AUTH=off, alternated, 1,000,000 incidents (median of ${RUNS})`)
  for (const { name, config, drop } of await scratchDatabases('access')) {
    const on = await startApp({ ...config, authMode: true })
    const off = await buildApp({ db: on.serviceDb, authMode: false })
    try {
      await loadMillion(on.serviceDb, syntheticIncidents(catalogueRoutes(), mulberry32(12), { count: 50_000 }))
      const agency = await insertAgency(on.serviceDb, 'Bench agency', 'NER')
      const { headers } = await userWithToken(on.serviceDb, agency.id, 'bench.viewer', 'viewer')
      for (const [label, url] of REQUESTS) {
        const times = { off: [] as number[], on: [] as number[] }
        for (let i = 0; i < RUNS + 1; i++) {
          for (const [mode, app, h] of [['off', off, {}], ['on', on, headers]] as const) {
            app.tileCache.clear()
            const t = performance.now()
            const res = await app.inject({ url, headers: h })
            if (res.statusCode >= 300) throw new Error(`${url} answered ${res.statusCode} with AUTH=${mode}`)
            if (i > 0) times[mode].push(performance.now() - t)
          }
        }
        const [msOff, msOn] = [median(times.off), median(times.on)]
        row(`${name}: ${label}, AUTH=on`, `${msOn.toFixed(1)} ms`, msOn / msOff, 'AUTH=off')
      }
    } finally {
      await off.close()
      await on.close()
      await drop()
    }
  }
}
