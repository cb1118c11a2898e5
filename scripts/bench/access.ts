// Bench section: what row-level security costs. The same requests, over the same 1,000,000
// incidents, with AUTH=off (no policies: the local analyst) and AUTH=on (a member agency's token:
// each query in a transaction as sahel_request, every row checked by the sharing policy).
import { newToken, tokenHash } from '../../server/auth/secrets.ts'
import { insertAgency, insertToken, insertUser } from '../../server/repos/auth.ts'
import { startApp } from '../../server/start.ts'
import { mulberry32 } from '../../server/geo/prng.ts'
import { syntheticIncidents } from '../../server/geo/synthetic.ts'
import { catalogueRoutes, loadMillion } from './incident-data.ts'
import { medianMs, row, scratchDatabases } from './common.ts'

const INCIDENTS = 1_000_000

const REQUESTS: [string, string][] = [
  ['incidents page of 500', '/api/incidents?limit=500'],
  ['hotspots res 5', '/api/hotspots?res=5'],
  ['hotspots res 7, Gi*', '/api/hotspots?res=7&stat=gistar&bbox=0,10,20,25'],
  ['incidents tile 6/33/28, uncached', '/tiles/incidents/6/33/28.mvt'],
  ['OGC incidents page of 1,000', '/ogc/collections/incidents/items?limit=1000'],
  ['route analysis (no records: policy-free tables)', '/api/routes/cmr-agadez-sabha-tripoli/analysis'],
]

export async function accessOverhead(): Promise<void> {
  console.log(`\n# 12. row-level security: the same requests with AUTH=on (member token) vs AUTH=off, ${INCIDENTS.toLocaleString('en')} incidents (median of 10)`)
  for (const { name, config, drop } of await scratchDatabases('access')) {
    try {
      const times: Record<'off' | 'on', number[]> = { off: [], on: [] }
      for (const mode of ['off', 'on'] as const) {
        const app = await startApp({ ...config, authMode: mode === 'on' })
        try {
          let headers: Record<string, string> = {}
          if (mode === 'off') await loadMillion(app.serviceDb, syntheticIncidents(catalogueRoutes(), mulberry32(12), { count: 50_000 }))
          else {
            const agency = await insertAgency(app.serviceDb, 'Bench agency', 'NER')
            const user = await insertUser(app.serviceDb, { agencyId: agency.id, username: 'bench.viewer', role: 'viewer', passwordHash: null, expiresAt: null })
            const secret = newToken('api')
            await insertToken(app.serviceDb, user.id, 'api', tokenHash(secret), 'bench', new Date(Date.now() + 3600_000))
            headers = { authorization: `Bearer ${secret}` }
          }
          for (const [, url] of REQUESTS) {
            const res = await app.inject({ url, headers })
            if (res.statusCode >= 300) throw new Error(`${url} answered ${res.statusCode} with AUTH=${mode}`)
            times[mode].push(
              await medianMs(10, () => {
                app.tileCache.clear()
                return app.inject({ url, headers })
              }),
            )
          }
        } finally {
          await app.close()
        }
      }
      REQUESTS.forEach(([label], i) => row(`${name}: ${label}, AUTH=on`, `${times.on[i].toFixed(1)} ms`, times.on[i] / times.off[i], 'AUTH=off'))
    } finally {
      await drop()
    }
  }
}
