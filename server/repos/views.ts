// Saved map views: a normalized map state's query parameters under a short random id.
import { randomBytes } from 'node:crypto'
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'

export interface SavedView {
  id: string
  /** query parameters of the map state, as mapStateToParams writes them */
  params: Record<string, string>
  created_at: string
}

/** A new view id: 10 url-safe characters, 60 random bits. */
function newViewId(): string {
  return randomBytes(8).toString('base64url').slice(0, 10)
}

/** Saves the parameters under a fresh id (drawing again on the rare collision). */
export async function insertView(db: Db, params: Record<string, string>): Promise<SavedView> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await db.query<{ id: string; created_at: string }>(sqlFile('views/insert'), [newViewId(), JSON.stringify(params)])
    if (row) return { id: row.id, params, created_at: row.created_at }
  }
  throw new Error('could not draw a free view id in 5 attempts')
}

/** A saved view by id, or null. */
export async function getView(db: Db, id: string): Promise<SavedView | null> {
  const [row] = await db.query<SavedView>(sqlFile('views/get'), [id])
  return row ?? null
}
