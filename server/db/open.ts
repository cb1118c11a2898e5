// Picks the driver from the configuration: pg when DATABASE_URL is set, PGlite otherwise.
import type { Config } from '../config.ts'
import { openPgDb } from './pg.ts'
import { openPgliteDb } from './pglite.ts'
import type { Db } from './types.ts'

/** Opens the configured database (not yet migrated). */
export async function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  return config.databaseUrl ? openPgDb(config.databaseUrl) : openPgliteDb(config.dataDir)
}
