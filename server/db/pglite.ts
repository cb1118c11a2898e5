// Embedded driver: PGlite (PostgreSQL compiled to WASM) with its PostGIS extension, data in a
// local folder. One instance serves one process: PGlite is single-connection, so queries queue.
// Two processes on one folder would corrupt it, so the folder carries a lock file naming the
// process that has it open (see DataDirBusyError).
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db, Tx } from './types.ts'

/** The lock file inside DATA_DIR: the pid of the process that has the database open. */
export const LOCK_FILE = 'sahel-routes.pid'

/** Rows per COPY TO chunk on PGlite, whose COPY writes the whole result into one blob. */
const COPY_OUT_ROWS = 50_000

/** Thrown when another live process (the service, an import) has the embedded database open. */
export class DataDirBusyError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`the embedded database in ${dataDir} is open in process ${pid} (the running service, or an import): stop it first (systemctl stop sahel-routes, or Ctrl-C), or back up through the running service with GET /api/admin/backup`)
  }
}

/** The pid holding dataDir's lock, if that process is alive and not this one. */
export function dataDirHolder(dataDir: string): number | null {
  const path = join(dataDir, LOCK_FILE)
  if (!existsSync(path)) return null
  const pid = Number(readFileSync(path, 'utf8').trim())
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null
  try {
    process.kill(pid, 0)
    return pid
  } catch (err) {
    // EPERM: alive but another user's; ESRCH: gone (a kill -9 left the file behind)
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null
  }
}

/** Opens (creating if needed) the embedded database in dataDir; refuses a folder another live process has open. */
export async function openPgliteDb(dataDir: string): Promise<Db> {
  mkdirSync(dataDir, { recursive: true })
  const holder = dataDirHolder(dataDir)
  if (holder !== null) throw new DataDirBusyError(dataDir, holder)
  const pg = await PGlite.create({ dataDir, extensions: { postgis } })
  const lockPath = join(dataDir, LOCK_FILE)
  writeFileSync(lockPath, `${process.pid}\n`)
  // queries and transactions asked for and not finished: one runs, the rest queue (for /metrics)
  let inFlight = 0
  const counted = async <R>(work: () => Promise<R>): Promise<R> => {
    inFlight++
    try {
      return await work()
    } finally {
      inFlight--
    }
  }
  return {
    driver: 'pglite',
    stats: () => ({ total: 1, idle: inFlight === 0 ? 1 : 0, waiting: Math.max(0, inFlight - 1) }),
    async query<T>(sql: string, params: unknown[] = []) {
      return counted(async () => (await pg.query<T>(sql, params)).rows)
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      return counted(() => pg.transaction(async (tx) =>
        fn({
          query: async <R>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows,
          exec: async (sql: string) => void (await tx.exec(sql)),
          async *copyOut(source: string) {
            // PGlite's COPY TO writes one blob: page through the (ordered) query to bound memory
            for (let offset = 0; ; offset += COPY_OUT_ROWS) {
              const { blob } = await tx.query(`COPY (SELECT * FROM ${source} AS q LIMIT ${COPY_OUT_ROWS} OFFSET ${offset}) TO '/dev/blob'`)
              const bytes = blob ? new Uint8Array(await blob.arrayBuffer()) : new Uint8Array()
              if (bytes.length > 0) yield bytes
              if (countLines(bytes) < COPY_OUT_ROWS) return
            }
          },
          copyIn: async (target: string, data: string) => void (await tx.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([data]) })),
        }),
      ))
    },
    async close() {
      await pg.close()
      if (existsSync(lockPath) && readFileSync(lockPath, 'utf8').trim() === String(process.pid)) rmSync(lockPath, { force: true })
    },
  }
}

function countLines(bytes: Uint8Array): number {
  let n = 0
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++
  return n
}
