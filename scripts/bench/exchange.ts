// Bench section 13: exchange between deployments. A sender imports a CSV of incidents (the
// baseline: a plain import of the rows), then writes a signed bundle of them for a partner, which
// merges it (verify + one-transaction merge). Ratio: plain import time / (export + merge) time,
// target at least 0.5x. BENCH_EXCHANGE_ROWS (default 100,000) rows on each driver.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
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

export async function exchangeBundle(): Promise<void> {
  const n = Number(process.env.BENCH_EXCHANGE_ROWS ?? 100_000)
  console.log(`\n# 13. exchange: export + merge a bundle of ${n} incidents vs a plain import of the same rows`)
  const pool = syntheticIncidents(catalogueRoutes(), mulberry32(13), { count: n })
  const dir = mkdtempSync(join(tmpdir(), 'bench-exchange-'))
  const csv = join(dir, 'incidents.csv')
  writeFileSync(csv, 'id,lat,lng,date,category,dead\n' + pool.map((p) => `${p.sourceId},${p.lat},${p.lng},${p.date},${p.threat},${p.dead}`).join('\n') + '\n')
  const senders = await scratchDatabases('exs')
  const receivers = await scratchDatabases('exr')
  try {
    for (const [i, s] of senders.entries()) {
      const r = receivers[i]
      const sender = await startApp({ ...s.config, exchangeKeyFile: join(dir, `${s.name}-sender.pem`) })
      const receiver = await startApp({ ...r.config, exchangeKeyFile: join(dir, `${s.name}-receiver.pem`) })
      try {
        await setIdentity(sender.serviceDb, 'NER', 'Niger border police')
        await setIdentity(receiver.serviceDb, 'MLI', 'Mali gendarmerie')
        const [a, b] = [(await getIdentity(sender.serviceDb))!, (await getIdentity(receiver.serviceDb))!]
        await registerPartner(sender.serviceDb, { name: 'mali', instanceId: b.instance_id, state: 'MLI', agency: 'Mali gendarmerie', publicKey: b.public_key!, levels: ['regional'], url: null, pullToken: null })
        await registerPartner(receiver.serviceDb, { name: 'niger', instanceId: a.instance_id, state: 'NER', agency: 'Niger border police', publicKey: a.public_key!, levels: ['regional'], url: null, pullToken: null })

        let t = performance.now()
        const report = await importFile(sender.serviceDb, { path: csv, fileName: 'bench.csv', format: 'csv', dataset: 'bench-exchange' })
        const importMs = performance.now() - t
        if (report.inserted !== n) throw new Error(`import inserted ${report.inserted} of ${n}`)

        t = performance.now()
        const out = await exportBundle(sender.serviceDb, (await getPartner(sender.serviceDb, { name: 'mali' }))!, { keyFile: join(dir, `${s.name}-sender.pem`) })
        const exportMs = performance.now() - t
        t = performance.now()
        const merged = await mergeBundle(receiver.serviceDb, out.bytes, { viewer: { kind: 'local' }, action: 'exchange.import' })
        const mergeMs = performance.now() - t
        if (merged.counts.incidents.inserted !== n) throw new Error(`merge inserted ${merged.counts.incidents.inserted} of ${n}`)

        row(`${s.name}: plain import of the ${n}-row CSV`, `${Math.round(n / (importMs / 1000))} rows/s`)
        row(`${s.name}: export (signed bundle, ${(out.bytes.length / 1048576).toFixed(1)} MB)`, `${Math.round(n / (exportMs / 1000))} rows/s`)
        row(`${s.name}: merge (verify + one transaction)`, `${Math.round(n / (mergeMs / 1000))} rows/s`)
        row(`${s.name}: export + merge`, `${Math.round(n / ((exportMs + mergeMs) / 1000))} rows/s`, importMs / (exportMs + mergeMs), 'of plain import throughput')
      } finally {
        await sender.close()
        await receiver.close()
      }
    }
  } finally {
    for (const d of [...senders, ...receivers]) await d.drop()
    rmSync(dir, { recursive: true, force: true })
  }
}
