// Embedded driver: PGlite (PostgreSQL compiled to WASM) with its PostGIS extension, data in a
// local folder. One instance serves one process: PGlite is single-connection, so queries queue.
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { mkdirSync } from 'node:fs'
import type { Db, Tx } from './types.ts'

/** Opens (creating if needed) the embedded database in dataDir. */
export async function openPgliteDb(dataDir: string): Promise<Db> {
  mkdirSync(dataDir, { recursive: true })
  const pg = await PGlite.create({ dataDir, extensions: { postgis } })
  return {
    driver: 'pglite',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pg.query<T>(sql, params)).rows
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      return pg.transaction(async (tx) =>
        fn({
          query: async <R>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows,
          exec: async (sql: string) => void (await tx.exec(sql)),
        }),
      )
    },
    async close() {
      await pg.close()
    },
  }
}
