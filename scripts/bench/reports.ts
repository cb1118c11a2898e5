// Bench section 16: a risk-analysis report of six parts (cover, map, key figures, charts, emerging
// hot spots, routes; 8 A4 pages: the figure and route tables run over) over 1,000,000 incidents through POST /api/reports, against rendering its map
// alone (GET /api/maps/static.png of the same state at the report's map size and 144 dpi).
// BENCH_REPORT_RUNS (default 3) runs per figure; BENCH_REPORT_DRIVER=pg or pglite for one driver.
import { startApp } from '../../server/start.ts'
import { mulberry32 } from '../../server/geo/prng.ts'
import { syntheticIncidents } from '../../server/geo/synthetic.ts'
import { MAP_PX_PER_PT } from '../../server/reports/gather.ts'
import { mapHeightPt, pageGeometry } from '../../server/reports/pdf.ts'
import { row, scratchDatabases, timedInject } from './common.ts'
import { catalogueRoutes, loadMillion } from './incident-data.ts'

const STATE = { bbox: '-17.5,8,27,30', layers: 'zone,hotspots,borders,routes,places', hres: '5' }
const PERIOD = { from: '2023-01-01', to: '2023-12-31' }

export async function reportsBench(): Promise<void> {
  const runs = Number(process.env.BENCH_REPORT_RUNS ?? 3)
  console.log(`\n# 16. report: cover + 5 sections over 1,000,000 incidents, against its map alone (median of ${runs})`)
  // BENCH_REPORT_DRIVER=pg (or pglite) runs one driver: loading 1,000,000 rows into PGlite is slow
  const only = process.env.BENCH_REPORT_DRIVER
  for (const { name, config, drop } of await scratchDatabases('report')) {
    if (only && only !== name) {
      await drop()
      continue
    }
    const app = await startApp(config)
    try {
      await loadMillion(app.db, syntheticIncidents(catalogueRoutes(), mulberry32(16), { count: 200_000 }))
      const g = pageGeometry(false)
      const width = Math.round(g.contentWidth * MAP_PX_PER_PT)
      const height = Math.round(mapHeightPt(false) * MAP_PX_PER_PT)
      const mapQuery = new URLSearchParams({ ...STATE, from: PERIOD.from, to: PERIOD.to, width: String(width), height: String(height), dpi: '144', date: '2024-03-07' })
      const body = { state: STATE, period: PERIOD, language: 'en', sections: ['map', 'figures', 'charts', 'hotspots', 'routes'], date: '2024-03-07' }
      await app.inject({ method: 'POST', url: '/api/reports', payload: body }) // warm: fonts, JIT, caches of the first query
      const map = await timedInject(app, { method: 'GET', url: `/api/maps/static.png?${mapQuery}` }, runs)
      const report = await timedInject(app, { method: 'POST', url: '/api/reports', payload: body }, runs)
      const pages = Number(/\/Type \/Pages\n\/Count (\d+)/.exec(report.body.toString('latin1'))?.[1])
      row(`${name}: map alone (${width}x${height} px at 144 dpi, ${(map.bytes / 1048576).toFixed(1)} MB PNG)`, `${map.ms.toFixed(0)} ms`)
      row(`${name}: report, ${pages} pages (${(report.bytes / 1048576).toFixed(1)} MB PDF)`, `${report.ms.toFixed(0)} ms`, report.ms / map.ms, '(report / map alone)')
      row(`${name}: memory growth during one map (peak)`, `${map.peakMb.toFixed(0)} MB`)
      row(`${name}: memory growth during one report (peak)`, `${report.peakMb.toFixed(0)} MB`, report.peakMb / Math.max(1, map.peakMb), '(report / map alone)')
    } finally {
      await app.close()
      await drop()
    }
  }
  row('peak resident memory of the bench process', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
}
