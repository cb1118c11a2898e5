// The content of a database as a backup sees it: each archived table's row count and SHA-256 of
// its canonical COPY text, and each sequence's value. Two databases with equal digests hold the
// same rows; migrate-to and the tests compare them.
import type { Db } from '../db/types.ts'
import { enterBackupSnapshot, listSequences, listTables } from '../repos/ops.ts'
import { archivedTables } from './backup.ts'
import type { ArchiveScope } from './manifest.ts'
import { tableDigest } from './restore.ts'

export interface DatabaseDigest {
  tables: Record<string, { rows: number; sha256: string }>
  sequences: Record<string, string | null>
}

/** Digests every table an archive of scope would hold, in one snapshot. */
export async function databaseDigest(db: Db, scope: ArchiveScope = 'all'): Promise<DatabaseDigest> {
  return db.transaction(async (tx) => {
    await enterBackupSnapshot(tx)
    const digest: DatabaseDigest = { tables: {}, sequences: {} }
    for (const table of archivedTables(await listTables(tx), scope)) digest.tables[table.name] = await tableDigest(tx, table)
    for (const s of await listSequences(tx)) digest.sequences[s.name] = s.lastValue
    return digest
  })
}
