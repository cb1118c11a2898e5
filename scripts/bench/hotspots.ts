// Bench sections 5–7: hotspot aggregation over 1,000,000 incidents, import against COPY, and Gi*
// over every res-7 cell of the zone.
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sqlFile } from '../../server/db/sql-files.ts'
import { startApp } from '../../server/start.ts'
import { latLngToCell } from 'h3-js'
import { writeFileSync } from 'node:fs'
import { mulberry32 } from '../../server/geo/prng.ts'
import { syntheticIncidents } from '../../server/geo/synthetic.ts'
import { importFile } from '../../server/import/run-import.ts'
import { copyLine, copyPrefix, jsonRow } from '../../server/import/encode.ts'
import { ownerParams, secretariatOwner } from '../../shared/access.ts'
import { GEODATA_DIR } from '../../server/load-geodata.ts'
import { median, row, scratchDatabases } from './common.ts'
import { catalogueRoutes, loadMillion } from './incident-data.ts'

export async function hotspotAggregation(): Promise<void> {
  console.log('\n# 5. hotspot aggregation over 1,000,000 incidents (median of 5): endpoint vs bare SQL vs h3-js loop')
  const pool = syntheticIncidents(catalogueRoutes(), mulberry32(5), { count: 200_000 })
  const lngs = Float64Array.from(pool, (p) => p.lng)
  const lats = Float64Array.from(pool, (p) => p.lat)
  for (const { name, config, drop } of await scratchDatabases('hot')) {
    const app = await startApp(config)
    try {
      let t = performance.now()
      await loadMillion(app.db, pool)
      row(`${name}: generate 1,000,000 incidents`, `${((performance.now() - t) / 1000).toFixed(1)} s`)
      for (const res of [5, 7]) {
        const time = async (fn: () => Promise<unknown> | unknown) => {
          const xs: number[] = []
          for (let i = 0; i < 6; i++) {
            const t0 = performance.now()
            await fn()
            if (i > 0) xs.push(performance.now() - t0)
          }
          return median(xs)
        }
        const bare = await time(() => app.db.query(`SELECT h3_r${res} AS cell, count(*) AS n FROM incidents GROUP BY h3_r${res}`))
        const api = await time(async () => {
          const r = await app.inject({ method: 'GET', url: `/api/hotspots?res=${res}` })
          if (r.statusCode !== 200) throw new Error(r.body)
        })
        const loop = await time(() => {
          const counts = new Map<string, number>()
          for (let g = 0; g < 1_000_000; g++) {
            const i = g % pool.length
            const c = latLngToCell(lats[i], lngs[i], res)
            counts.set(c, (counts.get(c) ?? 0) + 1)
          }
          return counts.size
        })
        const cells = (await app.db.query(`SELECT count(DISTINCT h3_r${res})::int AS n FROM incidents`))[0].n
        row(`${name}: res ${res} bare SQL GROUP BY (${cells} cells)`, `${bare.toFixed(0)} ms`)
        row(`${name}: res ${res} GET /api/hotspots`, `${api.toFixed(0)} ms`, api / bare, 'bare SQL')
        row(`${name}: res ${res} h3-js loop over the same points`, `${loop.toFixed(0)} ms`, api / loop, '(endpoint / h3-js loop)')
      }
      t = performance.now()
    } finally {
      await app.close()
      await drop()
    }
  }
}

export async function importVsCopy(): Promise<void> {
  const pgliteRows = Number(process.env.BENCH_PGLITE_ROWS ?? 200_000)
  console.log(`\n# 6. CSV import vs bare write of the same prepared rows (1,000,000 rows on pg, ${pgliteRows} on PGlite)`)
  for (const { name, config, drop } of await scratchDatabases('imp')) {
    const n = name === 'pg' ? 1_000_000 : pgliteRows
    const pool = syntheticIncidents(catalogueRoutes(), mulberry32(6), { count: n })
    const csv = join(tmpdir(), `bench-import-${name}.csv`)
    writeFileSync(csv, 'id,lat,lng,date,category,dead\n' + pool.map((p) => `${p.sourceId},${p.lat},${p.lng},${p.date},${p.threat},${p.dead}`).join('\n') + '\n')
    const app = await startApp(config)
    try {
      const db = app.db
      await db.query("INSERT INTO sources (dataset, credit) VALUES ('bench-raw', 'bench') ON CONFLICT DO NOTHING")
      await db.query("INSERT INTO imports (id, file_name, format, source_dataset, checksum, strict, status, started_at) VALUES (900001, 'raw', 'csv', 'bench-raw', 'raw', false, 'completed', now())")
      // prepared beforehand, outside the timing: the bare path only writes
      // the bare path writes as the importer does: for the secretariat, shared regionally
      const owner = secretariatOwner()
      const prefix = copyPrefix('bench-raw', 900001, owner)
      const batches: string[] = []
      for (let i = 0; i < pool.length; i += 20_000) {
        const slice = pool.slice(i, i + 20_000)
        batches.push(name === 'pg' ? slice.map((p) => copyLine(p, prefix)).join('') : JSON.stringify(slice.map(jsonRow)))
      }
      let t = performance.now()
      await db.transaction(async (tx) => {
        for (const b of batches) {
          if (tx.copyFrom) await tx.copyFrom(sqlFile('incidents/copy-direct'), b)
          else await tx.query(sqlFile('incidents/upsert-batch'), [b, 900001, 'bench-raw', ...ownerParams(owner)])
        }
      })
      const rawMs = performance.now() - t
      await db.query("DELETE FROM incidents WHERE source_dataset = 'bench-raw'")
      await db.query('VACUUM incidents')
      t = performance.now()
      const report = await importFile(db, { path: csv, fileName: 'bench.csv', format: 'csv', dataset: 'bench-csv' })
      const importMs = performance.now() - t
      if (report.inserted !== n) throw new Error(`import inserted ${report.inserted} of ${n}`)
      row(`${name}: bare ${name === 'pg' ? 'COPY' : 'JSON INSERT'} of ${n} prepared rows`, `${Math.round(n / (rawMs / 1000))} rows/s`)
      row(`${name}: npm run import of the ${n}-row CSV`, `${Math.round(n / (importMs / 1000))} rows/s`, rawMs / importMs, 'of bare throughput')
    } finally {
      await app.close()
      await drop()
      rmSync(csv, { force: true })
    }
  }
}

export async function giStarZone(): Promise<void> {
  console.log('\n# 7. Gi* (k=1, FDR) over every res-7 cell of the operational zone, in a child process')
  const code = `
    import { polygonToCells } from 'h3-js'
    import { readFileSync } from 'node:fs'
    const { giStar } = await import(${JSON.stringify(new URL('../../shared/gistar.ts', import.meta.url).pathname)})
    const { mulberry32 } = await import(${JSON.stringify(new URL('../../server/geo/prng.ts', import.meta.url).pathname)})
    const zone = JSON.parse(readFileSync(${JSON.stringify(`${GEODATA_DIR}build/zone.geojson`)}, 'utf8')).features[0].geometry
    const rss0 = process.memoryUsage().rss
    let t = performance.now()
    const cells = [...new Set(zone.coordinates.flatMap((poly) => polygonToCells(poly, 7, true)))]
    const polyMs = performance.now() - t
    const random = mulberry32(7)
    const input = cells.map((h3) => ({ h3, value: random() < 0.05 ? Math.floor(random() * 20) : 0 }))
    t = performance.now()
    const out = giStar(input, { k: 1, fdr: true, fillNeighbours: false })
    const giMs = performance.now() - t
    console.log(JSON.stringify({ cells: cells.length, polyMs, giMs, hot: out.filter((c) => c.class === 'hot_99').length, peakMb: process.resourceUsage().maxRSS / 1024, baseMb: rss0 / 1048576 }))`
  const result = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.on('exit', (c) => (c === 0 ? resolve(out.trim()) : reject(new Error(`gi* child exited ${c}`))))
  })
  const r = JSON.parse(result.split('\n').at(-1)!)
  row(`zone cells at res 7 (polygonToCells ${(r.polyMs / 1000).toFixed(1)} s)`, `${r.cells}`)
  row('Gi* z, p, BH q and class over all of them', `${(r.giMs / 1000).toFixed(1)} s`)
  row('peak resident memory of the process', `${r.peakMb.toFixed(0)} MB`, r.peakMb / r.baseMb, '(peak / baseline RSS)')
}
