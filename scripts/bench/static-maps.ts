// Bench section 10: a static PNG with hotspots against rendering the same SVG alone.
import { startApp } from '../../server/start.ts'
import { mulberry32 } from '../../server/geo/prng.ts'
import { syntheticIncidents } from '../../server/geo/synthetic.ts'
import { row, scratchDatabases, timedInject } from './common.ts'
import { catalogueRoutes, loadMillion } from './incident-data.ts'

export async function staticMaps(): Promise<void> {
  console.log('\n# 9. static map, 1600x1000, operational zone, hotspots at res 6 over 1,000,000 incidents (median of 3)')
  const dbs = await scratchDatabases('map')
  const { name, config } = dbs[dbs.length - 1]
  const app = await startApp(config)
  try {
    await loadMillion(app.db, syntheticIncidents(catalogueRoutes(), mulberry32(9), { count: 200_000 }))
    const query = 'width=1600&height=1000&date=2024-03-07&bbox=-17.5,15,27,23.44&layers=zone,hotspots,borders,routes,places&hres=6&title=Incident%20hotspots'
    const cells = (await app.inject({ method: 'GET', url: '/api/hotspots?res=6&bbox=-17.5,15,27,23.44' })).json().cells.length
    await app.inject({ method: 'GET', url: `/api/maps/static.png?${query}` }) // warm: fonts, JIT
    const svg = await timedInject(app, { method: 'GET', url: `/api/maps/static.svg?${query}` }, 3)
    const png = await timedInject(app, { method: 'GET', url: `/api/maps/static.png?${query}` }, 3)
    row(`${name}: res-6 cells in the view`, `${cells}`)
    row(`SVG alone (query + render, ${(svg.bytes / 1048576).toFixed(1)} MB)`, `${svg.ms.toFixed(0)} ms`)
    row(`PNG (query + render + resvg, ${(png.bytes / 1048576).toFixed(1)} MB)`, `${png.ms.toFixed(0)} ms`, png.ms / svg.ms, '(PNG time / SVG time)')
    row('resident memory growth during one SVG request (peak)', `${svg.peakMb.toFixed(0)} MB`)
    row('resident memory growth during one PNG request (peak)', `${png.peakMb.toFixed(0)} MB`, png.peakMb / Math.max(1, svg.peakMb), '(PNG / SVG)')
    row('peak resident memory of the bench process', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
  } finally {
    await app.close()
    for (const d of dbs) await d.drop()
  }
}
