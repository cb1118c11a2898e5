// Bulk incidents for paging and client tests, written with one generate_series INSERT: a
// regular grid over the zone, dates over 2015–2023, one dataset of its own.
import type { Db } from '../../server/db/types.ts'

/** Inserts n generated incidents in dataset `dataset`; returns nothing. Ids follow the insert order. */
export async function insertGeneratedIncidents(db: Db, n: number, dataset = 'generated-test'): Promise<void> {
  await db.query(`INSERT INTO sources (dataset, credit) VALUES ($1, 'generated test data') ON CONFLICT DO NOTHING`, [dataset])
  const [imp] = await db.query<{ id: number }>(
    `INSERT INTO imports (file_name, format, source_dataset, checksum, strict, status, rows_read, inserted, started_at)
     VALUES ('generated', 'synthetic', $1, md5(random()::text), false, 'completed', $2, $2, now()) RETURNING id`,
    [dataset, n],
  )
  await db.query(
    `INSERT INTO incidents (source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom,
                            h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9)
     SELECT $1, 'g' || g, $2, date '2015-01-01' + (g % 3285), 'day',
            CASE WHEN g % 3 = 0 THEN 'drug_trafficking' ELSE 'migration_trafficking' END,
            ST_SetSRID(ST_MakePoint(-15 + (g % 500) * 0.1, 10 + (g / 500 % 250) * 0.1), 4326),
            0, 0, 0, 0, 0, 0, 0
     FROM generate_series(1, $3::int) AS g`,
    [dataset, imp.id, n],
  )
}

/** A CSV of `count` incidents: a dense cluster at Agadez and a thin scatter over Niger, 2021–2022. */
export function generatedCsv(count: number, seed: number): string {
  let s = seed
  const random = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
  const rows = ['id,latitude,longitude,date,threat,dead']
  for (let i = 0; i < count; i++) {
    const clustered = i % 3 !== 0
    const lat = clustered ? 16.97 + (random() - 0.5) * 0.3 : 13 + random() * 8
    const lng = clustered ? 7.99 + (random() - 0.5) * 0.3 : 2 + random() * 12
    const month = 1 + Math.floor(random() * 24)
    const date = `${2021 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-15`
    rows.push(`g${seed}-${i},${lat.toFixed(5)},${lng.toFixed(5)},${date},migration_trafficking,${i % 5 === 0 ? 2 : 0}`)
  }
  return `${rows.join('\n')}\n`
}
