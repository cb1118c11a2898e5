// Server driver: a `pg` connection pool to PostgreSQL + PostGIS (or Citus) at DATABASE_URL.
import pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Db, Tx } from './types.ts'

// int8 (counts, ids) as JS numbers, as PGlite returns them; our ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value))

/** Opens a pool to the PostgreSQL server at url and checks that it answers. */
export async function openPgDb(url: string, options: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 })
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {})
  await pool.query('SELECT 1')
  return {
    driver: 'pg',
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[]
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn({
          query: async <R>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as R[],
          exec: async (sql: string) => void (await client.query(sql)),
          copyFrom: async (sql: string, data: string) => pipeline(Readable.from([data]), client.query(copyFrom(sql))),
          copyOut: (source: string) => client.query(copyTo(`COPY ${source} TO STDOUT`)),
          copyIn: async (target: string, data: string) => pipeline(Readable.from([data]), client.query(copyFrom(`COPY ${target} FROM STDIN`))),
        })
        await client.query('COMMIT')
        return result
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {})
        throw err
      } finally {
        client.release()
      }
    },
    async close() {
      await pool.end()
    },
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  }
}
