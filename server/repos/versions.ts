// Data-layer versions: bumped with every change to a layer, read by the tile endpoints to key
// their cache and ETags.
import { sqlFile } from '../db/sql-files.ts'
import type { Queryable } from '../db/types.ts'

/** The current version of every layer. */
export async function dataVersions(db: Queryable): Promise<Map<string, number>> {
  const rows = await db.query<{ layer: string; version: number }>(sqlFile('versions/get'))
  return new Map(rows.map((r) => [r.layer, Number(r.version)]))
}

/** Advances a layer's version; call inside the transaction that changes the layer. */
export async function bumpVersion(tx: Queryable, layer: string): Promise<void> {
  await tx.query(sqlFile('versions/bump'), [layer])
}
