// Writes an archive to a file atomically: into FILE.partial, fsynced, then renamed, so an
// interrupted backup never leaves something at FILE that looks like a backup.
import { open, rename, rm } from 'node:fs/promises'
import type { Db } from '../db/types.ts'
import { type BackupOptions, writeArchive } from './backup.ts'
import type { Manifest } from './manifest.ts'

/** Backs db up into the file at path; returns the manifest and the archive's size in bytes. */
export async function backupToFile(db: Db, path: string, options: BackupOptions = {}): Promise<{ manifest: Manifest; sizeBytes: number }> {
  const partial = `${path}.partial`
  const file = await open(partial, 'w')
  let sizeBytes = 0
  try {
    // many small writes (tar headers, gzip pieces): gather them into ~1 MB writes
    let buffered: Uint8Array[] = []
    let bufferedBytes = 0
    const flush = async () => {
      if (bufferedBytes === 0) return
      await file.write(Buffer.concat(buffered))
      buffered = []
      bufferedBytes = 0
    }
    const manifest = await writeArchive(
      db,
      async (bytes) => {
        buffered.push(bytes)
        bufferedBytes += bytes.length
        sizeBytes += bytes.length
        if (bufferedBytes >= 1 << 20) await flush()
      },
      options,
    )
    await flush()
    await file.sync()
    await file.close()
    await rename(partial, path)
    return { manifest, sizeBytes }
  } catch (err) {
    await file.close().catch(() => {})
    await rm(partial, { force: true })
    throw err
  }
}
