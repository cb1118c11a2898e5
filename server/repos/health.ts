// What /api/health reports about the database.
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'

export interface DbStatus {
  postgis: string
  countries: number
  borders: number
  places: number
  routes: number
}

/** PostGIS version and geodata row counts. */
export async function getDbStatus(db: Db): Promise<DbStatus> {
  const [row] = await db.query<DbStatus>(sqlFile('health/status'))
  return row
}

/** Resolves when the database answers a trivial query. */
export async function pingDb(db: Db): Promise<void> {
  await db.query(sqlFile('health/ping'))
}
