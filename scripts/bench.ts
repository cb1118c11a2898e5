// npm run bench: figures measured side by side in one run, printed as ratios against a baseline
// measured in the same run (this machine is shared and noisy; absolute times mean little).
//   1. embedded cold start: first and second `npm start`-equivalent boot vs a bare PGlite.create
//   2. a basemap tile through the API vs the same SQL run directly through the driver
//   3. resident memory of the started server on each driver
//   4. route analysis of the whole catalogue and of a 5,000-vertex drawn line vs its heaviest SQL
//   5. hotspots: aggregation of 1,000,000 incidents at res 5 and 7 through GET /api/hotspots vs the
//      bare SQL GROUP BY vs an in-process h3-js loop over the same points
//   6. import of CSV rows (1,000,000 on pg; BENCH_PGLITE_ROWS, default 200,000, on PGlite) vs the
//      bare write of the same prepared rows (COPY on pg, JSON batch INSERT on PGlite)
//   7. Gi* over every res-7 cell of the operational zone: time and peak memory (child process)
//   8. patrol siting (k=10, 80 km, res-6 candidates near every member border, 1,000,000 incidents):
//      greedy coverage / exact MIP optimum, exact time / greedy time, peak memory
//   9. OGC items pages of 1,000 incidents vs their SQL; a cached tile (200 and 304) vs a minimal route
//  10. a 1600x1000 static PNG of the operational zone with hotspots at res 6 over 1,000,000
//      incidents: time and peak memory, against rendering the same SVG alone
//  11. load: autocannon, 32 connections for 30 s (BENCH_LOAD_SECONDS) on hotspots, a tile and route
//      analysis: requests/s, p50/p99 latency, errors and non-2xx (must be 0)
//  12. access: the same reads with AUTH=on (row-level security, a member token) vs AUTH=off
//  13. exchange: export + merge a signed bundle of 100,000 incidents vs a plain import of the rows
//  14. backup: npm run backup / restore of 1,000,000 incidents vs pg_dump -Fc / pg_restore (pg only)
//  15. rollup: hotspots, trends and a hotspot tile over BENCH_ROLLUP_ROWS incidents (default 1,000,000;
//      BENCH_ROLLUP_PG_ROWS on pg) read from the cell rollup vs the bare raw GROUP BY; writes with the
//      rollup triggers on vs off
//  16. reports: a 6-page report (POST /api/reports) over 1,000,000 incidents: time and peak memory
//      against rendering its map alone (BENCH_REPORT_RUNS, default 3; BENCH_REPORT_DRIVER=pg|pglite)
// The PostGIS rows run when DATABASE_URL is set. `npm run bench -- analysis tiles` runs some sections.
// Each section lives in scripts/bench/<name>.ts; shared helpers in scripts/bench/common.ts.
import { accessOverhead } from './bench/access.ts'
import { backupVsPgDump } from './bench/backup.ts'
import { exchangeBundle } from './bench/exchange.ts'
import { routeAnalysis } from './bench/analysis.ts'
import { databaseUrl } from './bench/common.ts'
import { loadTest } from './bench/load.ts'
import { giStarZone, hotspotAggregation, importVsCopy } from './bench/hotspots.ts'
import { ogcAndTiles } from './bench/ogc.ts'
import { patrolSiting } from './bench/patrols.ts'
import { rollupBench } from './bench/rollup.ts'
import { coldStart, memory, tileVsSql } from './bench/start.ts'
import { staticMaps } from './bench/static-maps.ts'
import { reportsBench } from './bench/reports.ts'

async function main(): Promise<void> {
  console.log(`Sahel Routes bench — ${new Date().toISOString()}, node ${process.version}, DATABASE_URL ${databaseUrl ? 'set' : 'not set'}`)
  const only = process.argv.slice(2)
  const want = (n: string) => only.length === 0 || only.includes(n)
  const pgliteRss = want('start') || want('memory') ? await coldStart() : 0
  if (want('tiles')) await tileVsSql()
  if (want('memory')) await memory(pgliteRss)
  if (want('analysis')) await routeAnalysis()
  if (want('hotspots')) await hotspotAggregation()
  if (want('import')) await importVsCopy()
  if (want('gistar')) await giStarZone()
  if (want('patrols')) await patrolSiting()
  if (want('static')) await staticMaps()
  if (want('ogc')) await ogcAndTiles()
  if (want('load')) await loadTest()
  if (want('access')) await accessOverhead()
  if (want('exchange')) await exchangeBundle()
  if (want('backup')) await backupVsPgDump()
  if (want('rollup')) await rollupBench()
  if (want('reports')) await reportsBench()
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
