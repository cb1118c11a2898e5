// Generated incident data shared by the bench sections that need a million incidents.
import { readFileSync } from 'node:fs'
import type { Db } from '../../server/db/types.ts'
import type { SyntheticRoute } from '../../server/geo/synthetic.ts'
import type { ParsedIncident } from '../../server/geo/incident-parse/types.ts'
import { jsonRow } from '../../server/import/encode.ts'
import { GEODATA_DIR } from '../../server/load-geodata.ts'

/** The catalogue's routes that carry a threat (forced movements have none, so no incidents, as in the demo seed). */
export function catalogueRoutes(): SyntheticRoute[] {
  const fc = JSON.parse(readFileSync(`${GEODATA_DIR}routes.geojson`, 'utf8'))
  return fc.features.filter((f: any) => f.properties.threats.length > 0).map((f: any) => ({ ...f.properties, coordinates: f.geometry.coordinates }))
}

/**
 * Loads n incidents (default 1,000,000): a pool of distinct clustered points (cells from h3-js)
 * repeated in SQL, row g taking pool point g mod |pool| and a date shifted by g days mod 7 years,
 * in statements of 1,000,000 rows (250,000 on PGlite, whose heap is a 32-bit wasm memory).
 */
export async function loadIncidents(db: Db, pool: ParsedIncident[], n = 1_000_000): Promise<void> {
  await db.query("INSERT INTO sources (dataset, credit) VALUES ('bench', 'bench data') ON CONFLICT DO NOTHING")
  await db.query("INSERT INTO imports (id, file_name, format, source_dataset, checksum, strict, status, started_at) VALUES (900000, 'bench', 'csv', 'bench', 'bench', false, 'completed', now())")
  await db.query('CREATE TABLE bench_pool (i int PRIMARY KEY, r json)')
  for (let i = 0; i < pool.length; i += 20_000) {
    await db.query('INSERT INTO bench_pool SELECT (e.ordinality - 1 + $2)::int, e.value FROM json_array_elements($1::json) WITH ORDINALITY e', [JSON.stringify(pool.slice(i, i + 20_000).map(jsonRow)), i])
  }
  const chunk = db.driver === 'pg' ? 1_000_000 : 250_000
  for (let start = 0; start < n; start += chunk) {
    await db.query(
      `INSERT INTO incidents (source_dataset, source_id, import_id, occurred_on, date_precision, threat, geom, dead,
          h3_r3, h3_r4, h3_r5, h3_r6, h3_r7, h3_r8, h3_r9)
        SELECT 'bench', 'b' || g, 900000, DATE '2019-01-01' + (g % 2555), 'day', p.r->>3,
               ST_SetSRID(ST_MakePoint((p.r->>4)::float8, (p.r->>5)::float8), 4326), (g % 3),
               (p.r->>15)::bigint, (p.r->>16)::bigint, (p.r->>17)::bigint, (p.r->>18)::bigint, (p.r->>19)::bigint, (p.r->>20)::bigint, (p.r->>21)::bigint
        FROM generate_series($1::int, $2::int) g JOIN bench_pool p ON p.i = g % $3`,
      [start, Math.min(n, start + chunk) - 1, pool.length],
    )
  }
  await db.query('DROP TABLE bench_pool')
  await db.query('ANALYZE incidents')
}

/** Loads 1,000,000 incidents (loadIncidents). */
export async function loadMillion(db: Db, pool: ParsedIncident[]): Promise<void> {
  await loadIncidents(db, pool, 1_000_000)
}
