// Bench section: OGC API items pages of 1,000 incidents against the same SQL run directly, and
// a cached vector tile (200 and 304) against a minimal Fastify route on the same machine.
import Fastify from 'fastify'
import { sqlFile } from '../../server/db/sql-files.ts'
import { startApp } from '../../server/start.ts'
import { insertGeneratedIncidents } from '../../tests/helpers/generated-incidents.ts'
import { medianMs, row, scratchDatabases } from './common.ts'

const INCIDENTS = 200_000
const PAGE = 1000

export async function ogcAndTiles(): Promise<void> {
  console.log(`\n# 9. OGC items pages of ${PAGE} of ${INCIDENTS.toLocaleString('en')} incidents vs their SQL; cached tile vs a minimal route (median of 20)`)
  for (const { name, config, drop } of await scratchDatabases('ogc')) {
    const app = await startApp(config)
    try {
      await insertGeneratedIncidents(app.db, INCIDENTS, 'bench-ogc')
      // a page from the middle of the collection, reached by its cursor as a client would
      const [{ id: cursor }] = await app.db.query<{ id: number }>('SELECT id FROM incidents ORDER BY id OFFSET $1 LIMIT 1', [INCIDENTS / 2])
      const items = sqlFile('ogc/incidents-items')
      const count = sqlFile('ogc/incidents-count')
      const none = [null, null, null, null, null, null]
      const bare = () =>
        Promise.all([
          app.db.query(items, [...none, PAGE, 'next', String(cursor), null, null, null, null, null]),
          app.db.query(count, [...none, null, null, null, null, null]),
        ])
      const api = () => app.inject({ method: 'GET', url: `/ogc/collections/incidents/items?limit=${PAGE}&cursor=${cursor}` })
      const bareMs = await medianMs(20, bare)
      const apiMs = await medianMs(20, api)
      row(`${name}: items + count SQL alone`, `${bareMs.toFixed(1)} ms`)
      row(`${name}: GET /ogc/collections/incidents/items (${PAGE})`, `${apiMs.toFixed(1)} ms`, apiMs / bareMs, 'bare SQL')

      const minimal = Fastify()
      minimal.get('/ping', async () => ({ ok: true }))
      await minimal.ready()
      const tileUrl = '/tiles/countries/4/8/7.mvt'
      const first = await app.inject({ method: 'GET', url: tileUrl })
      const etag = String(first.headers.etag)
      const baseMs = await medianMs(20, () => minimal.inject({ method: 'GET', url: '/ping' }))
      const okMs = await medianMs(20, () => app.inject({ method: 'GET', url: tileUrl }))
      const notModifiedMs = await medianMs(20, () => app.inject({ method: 'GET', url: tileUrl, headers: { 'if-none-match': etag } }))
      row(`${name}: minimal Fastify route`, `${baseMs.toFixed(2)} ms`)
      row(`${name}: cached tile, 200`, `${okMs.toFixed(2)} ms`, okMs / baseMs, 'minimal route')
      row(`${name}: cached tile, 304 (If-None-Match)`, `${notModifiedMs.toFixed(2)} ms`, notModifiedMs / baseMs, 'minimal route')
      await minimal.close()
    } finally {
      await app.close()
      await drop()
    }
  }
}
