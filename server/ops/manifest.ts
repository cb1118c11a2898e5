// The backup archive's manifest (manifest.json inside the tar): what schema the data belongs to,
// which tables it holds with their columns, row counts and SHA-256, and the sequences' values.
// Pure: parsing, validation and the questions restore asks of it.

export const ARCHIVE_FORMAT = 'sahel-routes-backup'
export const ARCHIVE_FORMAT_VERSION = 1
export const MANIFEST_ENTRY = 'manifest.json'
/** Last entry: the SHA-256 (hex) of every byte of the archive before its header. */
export const CHECKSUM_ENTRY = 'archive.sha256'

export interface ColumnInfo {
  name: string
  type: string
}

export interface TableManifest {
  name: string
  /** the tar entry holding its rows: gzipped PostgreSQL COPY text, one row a line */
  entry: string
  columns: ColumnInfo[]
  rows: number
  /** SHA-256 (hex) of the uncompressed COPY text in canonical order: the table's content hash */
  sha256: string
  /** tables its foreign keys reference: restore loads them first */
  refs: string[]
}

export interface SequenceManifest {
  name: string
  /** the last value given, as a decimal string; null when the sequence was never used */
  lastValue: string | null
  startValue: string
}

/** all: every table; shared: what a member agency of the region may read (public and regional rows, no credentials). */
export type ArchiveScope = 'all' | 'shared'

export interface Manifest {
  format: typeof ARCHIVE_FORMAT
  formatVersion: number
  /** ISO 8601 UTC */
  createdAt: string
  driver: string
  scope: ArchiveScope
  /** the schema version: every migration applied to the database it came from, in order */
  migrations: string[]
  tables: TableManifest[]
  sequences: SequenceManifest[]
}

/** Parses and checks manifest.json; throws a message saying what is wrong with the archive. */
export function parseManifest(text: string): Manifest {
  let m: any
  try {
    m = JSON.parse(text)
  } catch {
    throw new Error('corrupted archive: manifest.json is not JSON')
  }
  if (m?.format !== ARCHIVE_FORMAT) throw new Error(`not a Sahel Routes backup: manifest format is ${JSON.stringify(m?.format)}`)
  if (m.formatVersion !== ARCHIVE_FORMAT_VERSION) {
    throw new Error(`archive format version ${m.formatVersion} is not ${ARCHIVE_FORMAT_VERSION}: it was written by a ${m.formatVersion > ARCHIVE_FORMAT_VERSION ? 'newer' : 'different'} version of Sahel Routes`)
  }
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string')
  if (!strings(m.migrations) || m.migrations.length === 0) throw new Error('corrupted archive: manifest has no migrations list')
  if (m.scope !== 'all' && m.scope !== 'shared') throw new Error(`corrupted archive: manifest scope is ${JSON.stringify(m.scope)}`)
  if (!Array.isArray(m.tables) || !Array.isArray(m.sequences)) throw new Error('corrupted archive: manifest has no table or sequence list')
  for (const t of m.tables) {
    const ok = typeof t?.name === 'string' && typeof t.entry === 'string' && Number.isSafeInteger(t.rows) && t.rows >= 0 && /^[0-9a-f]{64}$/.test(t.sha256) && strings(t.refs) && Array.isArray(t.columns) && t.columns.every((c: any) => typeof c?.name === 'string' && typeof c.type === 'string')
    if (!ok) throw new Error(`corrupted archive: manifest entry of table ${JSON.stringify(t?.name)} is malformed`)
  }
  for (const s of m.sequences) {
    if (typeof s?.name !== 'string' || !(s.lastValue === null || /^-?\d+$/.test(s.lastValue)) || !/^-?\d+$/.test(s.startValue)) {
      throw new Error(`corrupted archive: manifest entry of sequence ${JSON.stringify(s?.name)} is malformed`)
    }
  }
  return m as Manifest
}

/**
 * The archive's migrations this version of the service does not have: non-empty means the
 * archive comes from a newer schema and must not be restored here.
 */
export function unknownMigrations(manifest: Pick<Manifest, 'migrations'>, known: readonly string[]): string[] {
  const have = new Set(known)
  return manifest.migrations.filter((m) => !have.has(m))
}

/** The message restore refuses a newer archive with. */
export function newerSchemaMessage(unknown: string[]): string {
  return `the archive comes from a newer schema: it was made after migration ${unknown.join(', ')}, which this version of Sahel Routes does not have; upgrade Sahel Routes, then restore`
}

/** Tables in an order where each comes after every table it references (foreign keys load cleanly). */
export function loadOrder<T extends { name: string; refs: string[] }>(tables: T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]))
  const done = new Set<string>()
  const visiting = new Set<string>()
  const order: T[] = []
  const visit = (t: T) => {
    if (done.has(t.name)) return
    if (visiting.has(t.name)) throw new Error(`tables reference each other in a cycle through ${t.name}: cannot order them for loading`)
    visiting.add(t.name)
    for (const ref of [...t.refs].sort()) {
      const target = byName.get(ref)
      if (target) visit(target)
    }
    visiting.delete(t.name)
    done.add(t.name)
    order.push(t)
  }
  for (const t of [...tables].sort((a, b) => (a.name < b.name ? -1 : 1))) visit(t)
  return order
}
