// Forward-only migrations: migrations/NNN_name.sql, applied in name order and recorded in
// schema_migrations. All pending files run in one transaction under an advisory lock, so several
// API replicas can start at once against one server, and a failed migration leaves nothing behind.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Db, Tx } from './types.ts'

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url))
const LOCK_KEY = 7_240_115 // arbitrary constant naming "sahel-routes migrations"

/** The migration file names in dir, in the order they apply. */
export function migrationFiles(dir: string = MIGRATIONS_DIR): string[] {
  return readdirSync(dir).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort()
}

/** Applies pending migrations and returns the file names it applied. */
export async function migrate(db: Db, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  return db.transaction(async (tx) => {
    await lockMigrations(tx)
    return applyMigrations(tx, migrationFiles(dir), dir)
  })
}

/** Takes the migrations' advisory lock until the end of tx. */
export async function lockMigrations(tx: Tx): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY])
}

/**
 * Inside an open transaction: applies those of files (names in dir) not yet recorded, in name
 * order, and returns them. Restore uses it to rebuild an archive's older schema, then the rest.
 */
export async function applyMigrations(tx: Tx, files: string[], dir: string = MIGRATIONS_DIR): Promise<string[]> {
  await tx.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
  const done = new Set((await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name))
  const applied: string[] = []
  for (const file of [...files].sort().filter((f) => !done.has(f))) {
    try {
      await tx.exec(readFileSync(`${dir}/${file}`, 'utf8'))
    } catch (err) {
      throw new Error(`migration ${file} failed: ${(err as Error).message}`)
    }
    await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file])
    applied.push(file)
  }
  return applied
}
