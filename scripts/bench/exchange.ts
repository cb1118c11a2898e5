// Bench section 13: exchange between deployments. The baseline is the project's plain import of
// the same rows: importFile of a CSV of the incidents into a fresh database (COPY straight into
// incidents on the server driver, batched INSERTs on PGlite, the cell rollup kept by its triggers
// either way). A sender imports the CSV (timed: the first plain import), writes a signed bundle of
// the rows for a partner (timed: export), the partner merges it (timed: verify + one-transaction
// merge), then the CSV is imported again into a third fresh database (timed: the second plain
// import). The baseline is the mean of the two imports, which bracket the export and merge, so a
// machine whose load drifts during the run moves both sides alike. Ratio: plain import time /
// (export + merge) time, target at least 0.5x. BENCH_EXCHANGE_ROWS (default 100,000) rows;
// BENCH_EXCHANGE_DRIVERS=pg (or pglite) runs one driver.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { exportBundle } from '../../server/exchange/export.ts'
import { mergeBundle } from '../../server/exchange/merge.ts'
import { registerPartner } from '../../server/exchange/partners.ts'
import { mulberry32 } from '../../server/geo/prng.ts'
import { syntheticIncidents } from '../../server/geo/synthetic.ts'
import { importFile } from '../../server/import/run-import.ts'
import { getIdentity, getPartner, setIdentity } from '../../server/repos/exchange.ts'
import { startApp } from '../../server/start.ts'
import { row, scratchDatabases } from './common.ts'
import { catalogueRoutes } from './incident-data.ts'

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ')

export async function exchangeBundle(): Promise<void> {
  const n = Number(process.env.BENCH_EXCHANGE_ROWS ?? 100_000)
  const drivers = (process.env.BENCH_EXCHANGE_DRIVERS ?? 'pglite,pg').split(',')
  console.log(`\n# 13. exchange: export + merge a bundle of ${n} incidents vs a plain import of the same rows (mean of an import before and one after)`)
  const pool = syntheticIncidents(catalogueRoutes(), mulberry32(13), { count: n })
  const dir = mkdtempSync(join(tmpdir(), 'bench-exchange-'))
  const csv = join(dir, 'incidents.csv')
  writeFileSync(csv, 'id,lat,lng,date,category,dead\n' + pool.map((p) => `${p.sourceId},${p.lat},${p.lng},${p.date},${p.threat},${p.dead}`).join('\n') + '\n')
  const senders = await scratchDatabases('exs')
  const receivers = await scratchDatabases('exr')
  const baselines = await scratchDatabases('exb')
  const plainImport = async (db: Parameters<typeof importFile>[0]) => {
    const t = performance.now()
    const report = await importFile(db, { path: csv, fileName: 'bench.csv', format: 'csv', dataset: 'bench-exchange' })
    if (report.inserted !== n) throw new Error(`import inserted ${report.inserted} of ${n}`)
    return performance.now() - t
  }
  try {
    for (const [i, s] of senders.entries()) {
      if (!drivers.includes(s.name)) continue
      const r = receivers[i]
      const sender = await startApp({ ...s.config, exchangeKeyFile: join(dir, `${s.name}-sender.pem`) })
      const receiver = await startApp({ ...r.config, exchangeKeyFile: join(dir, `${s.name}-receiver.pem`) })
      try {
        await setIdentity(sender.serviceDb, 'NER', 'Niger border police')
        await setIdentity(receiver.serviceDb, 'MLI', 'Mali gendarmerie')
        const [a, b] = [(await getIdentity(sender.serviceDb))!, (await getIdentity(receiver.serviceDb))!]
        await registerPartner(sender.serviceDb, { name: 'mali', instanceId: b.instance_id, state: 'MLI', agency: 'Mali gendarmerie', publicKey: b.public_key!, levels: ['regional'], url: null, pullToken: null })
        await registerPartner(receiver.serviceDb, { name: 'niger', instanceId: a.instance_id, state: 'NER', agency: 'Niger border police', publicKey: a.public_key!, levels: ['regional'], url: null, pullToken: null })
        const loadBefore = load()

        const importBeforeMs = await plainImport(sender.serviceDb)

        let t = performance.now()
        const out = await exportBundle(sender.serviceDb, (await getPartner(sender.serviceDb, { name: 'mali' }))!, { keyFile: join(dir, `${s.name}-sender.pem`) })
        const exportMs = performance.now() - t
        t = performance.now()
        const merged = await mergeBundle(receiver.serviceDb, out.bytes, { viewer: { kind: 'local' }, action: 'exchange.import' })
        const mergeMs = performance.now() - t
        if (merged.counts.incidents.inserted !== n) throw new Error(`merge inserted ${merged.counts.incidents.inserted} of ${n}`)

        // the second plain import, into a fresh database like the receiver's (sender and receiver still open, as before)
        const baseline = await startApp({ ...baselines[i].config, exchangeKeyFile: join(dir, `${s.name}-baseline.pem`) })
        let importAfterMs: number
        try {
          importAfterMs = await plainImport(baseline.serviceDb)
        } finally {
          await baseline.close()
        }
        const importMs = (importBeforeMs + importAfterMs) / 2
        const rate = (ms: number) => `${Math.round(n / (ms / 1000))} rows/s`

        row(`${s.name}: plain import of the ${n}-row CSV, before / after`, `${rate(importBeforeMs)} / ${rate(importAfterMs)}`)
        row(`${s.name}: export (signed bundle, ${(out.bytes.length / 1048576).toFixed(1)} MB)`, rate(exportMs))
        row(`${s.name}: merge (verify + one transaction)`, rate(mergeMs))
        row(`${s.name}: export + merge`, rate(exportMs + mergeMs), importMs / (exportMs + mergeMs), `of plain import throughput (before ${(importBeforeMs / (exportMs + mergeMs)).toFixed(2)}x, after ${(importAfterMs / (exportMs + mergeMs)).toFixed(2)}x)`)
        console.log(`${s.name}: ms import before ${Math.round(importBeforeMs)}, export ${Math.round(exportMs)}, merge ${Math.round(mergeMs)}, import after ${Math.round(importAfterMs)}; load average (1, 5, 15 min) before ${loadBefore}, after ${load()}`)
      } finally {
        await sender.close()
        await receiver.close()
      }
    }
  } finally {
    for (const d of [...senders, ...receivers, ...baselines]) await d.drop()
    rmSync(dir, { recursive: true, force: true })
  }
}
