// Writes the built geodata layers into the database, each layer replaced whole in one
// transaction and stamped with the checksum of the files it came from.
import { sqlFile } from '../db/sql-files.ts'
import type { Db } from '../db/types.ts'
import { bumpVersion } from './versions.ts'

export const GEODATA_LAYERS = ['countries', 'borders', 'places', 'zones', 'routes', 'flows'] as const
export type GeodataLayer = (typeof GEODATA_LAYERS)[number]

/** The checksum each layer was last loaded at. */
export async function loadedChecksums(db: Db): Promise<Map<string, string>> {
  const rows = await db.query<{ layer: string; checksum: string }>(sqlFile('geodata/checksums'))
  return new Map(rows.map((r) => [r.layer, r.checksum]))
}

/**
 * Replaces one layer's rows (JSON-ready objects in the shape its SQL file documents) and records
 * the checksum. Catalogue routes are upserted, never deleted, so analysts' routes survive; a
 * catalogue route no longer in the file (and never edited) is marked deleted, its history kept.
 */
export async function replaceLayer(db: Db, layer: GeodataLayer, rows: unknown[], checksum: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (layer === 'routes') {
      await tx.query(sqlFile('geodata/upsert-routes'), [JSON.stringify(rows)])
      await tx.query(sqlFile('geodata/retire-routes'), [JSON.stringify(rows.map((r) => (r as { id: string }).id))])
    } else {
      await tx.query(sqlFile(`geodata/clear-${layer}`))
      await tx.query(sqlFile(`geodata/replace-${layer}`), [JSON.stringify(rows)])
    }
    await tx.query(sqlFile('geodata/set-checksum'), [layer, checksum])
    await bumpVersion(tx, layer)
  })
}
