// Bench section 16: a 6-page risk-analysis report over 1,000,000 incidents through POST /api/reports
// (cover, regional map, key figures, charts, emerging hot spots and the annex of the latest saved
// patrol plan, A4 portrait: one page each), against rendering its map alone (GET
// /api/maps/static.png of the same state at the report's map size and 144 dpi), side by side in one
// run. The page count is read from the PDF and checked: a report of another length fails the bench.
// BENCH_REPORT_RUNS (default 3) runs per figure; BENCH_REPORT_DRIVER=pg or pglite for one driver;
// BENCH_REPORT_INCIDENTS (default 1,000,000) incidents loaded; BENCH_REPORT_PGNAME the scratch
// database's name on PostgreSQL.
import { loadavg } from 'node:os'
import { startApp } from '../../server/start.ts'
import { mulberry32 } from '../../server/geo/prng.ts'
import { syntheticIncidents } from '../../server/geo/synthetic.ts'
import { MAP_PX_PER_PT } from '../../server/reports/gather.ts'
import { mapHeightPt, pageGeometry } from '../../server/reports/pdf.ts'
import { row, scratchDatabases, timedInject } from './common.ts'
import { catalogueRoutes, loadIncidents } from './incident-data.ts'

const STATE = { bbox: '-17.5,8,27,30', layers: 'zone,hotspots,borders,routes,places', hres: '5' }
const PERIOD = { from: '2023-01-01', to: '2023-12-31' }
const SECTIONS = ['map', 'figures', 'charts', 'hotspots', 'plan']
/** The pages the bench asks for. */
const PAGES = 6
/** The plan annexed: three sites along the Libya–Niger border, as tests/reports.test.ts plans. */
const PLAN = { k: 3, radius_km: 80, demand: { h3_res: 5, incidents: { weight: 1 } }, candidates: { h3_res: 4, border_pairs: [['LBY', 'NER']], border_km: 60 } }

export async function reportsBench(): Promise<void> {
  const runs = Number(process.env.BENCH_REPORT_RUNS ?? 3)
  const count = Number(process.env.BENCH_REPORT_INCIDENTS ?? 1_000_000)
  console.log(`\n# 16. report: ${PAGES} pages (cover + ${SECTIONS.join(', ')}) over ${count.toLocaleString('en')} incidents, against its map alone (median of ${runs})`)
  // BENCH_REPORT_DRIVER=pg (or pglite) runs one driver: loading 1,000,000 rows into PGlite is slow
  const only = process.env.BENCH_REPORT_DRIVER
  for (const { name, config, drop } of await scratchDatabases('report', process.env.BENCH_REPORT_PGNAME)) {
    if (only && only !== name) {
      await drop()
      continue
    }
    const app = await startApp(config)
    try {
      const loadStart = performance.now()
      await loadIncidents(app.db, syntheticIncidents(catalogueRoutes(), mulberry32(16), { count: 200_000 }), count)
      // statistics of the rollup the load filled through its triggers, as autovacuum would gather
      // them after an import (it is off on some servers): without them the planner takes the
      // monthly rollup for one row and the hot spot query joins its groups in a nested loop
      await app.db.query('ANALYZE incident_cells')
      row(`${name}: load of ${count.toLocaleString('en')} incidents (untimed below)`, `${((performance.now() - loadStart) / 1000).toFixed(0)} s`)
      const plan = await app.inject({ method: 'POST', url: '/api/patrols/plan', payload: PLAN })
      const saved = await app.inject({ method: 'POST', url: '/api/plans', payload: { name: 'Libya–Niger border, k=3', request: PLAN, result: plan.json(), sharing: 'regional' } })
      if (plan.statusCode !== 200 || saved.statusCode !== 201) throw new Error(`saving the plan to annex: ${plan.statusCode} ${saved.statusCode} ${saved.body.slice(0, 200)}`)
      const g = pageGeometry(false)
      const width = Math.round(g.contentWidth * MAP_PX_PER_PT)
      const height = Math.round(mapHeightPt(false) * MAP_PX_PER_PT)
      const mapQuery = new URLSearchParams({ ...STATE, from: PERIOD.from, to: PERIOD.to, width: String(width), height: String(height), dpi: '144', date: '2024-03-07' })
      const body = { state: STATE, period: PERIOD, language: 'en', sections: SECTIONS, date: '2024-03-07' }
      await app.inject({ method: 'POST', url: '/api/reports', payload: body }) // warm: fonts, JIT, caches of the first query
      const map = await timedInject(app, { method: 'GET', url: `/api/maps/static.png?${mapQuery}` }, runs)
      const report = await timedInject(app, { method: 'POST', url: '/api/reports', payload: body }, runs)
      const pages = Number(/\/Type \/Pages\n\/Count (\d+)/.exec(report.body.toString('latin1'))?.[1])
      if (pages !== PAGES) throw new Error(`the bench report has ${pages} pages, not ${PAGES}: choose its sections again`)
      row(`${name}: map alone (${width}x${height} px at 144 dpi, ${(map.bytes / 1048576).toFixed(1)} MB PNG)`, `${map.ms.toFixed(0)} ms`)
      row(`${name}: report, ${pages} pages (${(report.bytes / 1048576).toFixed(1)} MB PDF)`, `${report.ms.toFixed(0)} ms`, report.ms / map.ms, '(report / map alone)')
      row(`${name}: memory growth during one map (peak)`, `${map.peakMb.toFixed(0)} MB`)
      row(`${name}: memory growth during one report (peak)`, `${report.peakMb.toFixed(0)} MB`, report.peakMb / Math.max(1, map.peakMb), '(report / map alone)')
      row(`${name}: load average (1, 5, 15 min) after the runs`, loadavg().map((l) => l.toFixed(1)).join(' '))
    } finally {
      await app.close()
      await drop()
    }
  }
  row('peak resident memory of the bench process', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
}
