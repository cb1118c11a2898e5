// Opens a backup archive for restore: walks its tar entries, checks the whole-archive SHA-256
// before anything else, parses the manifest, and streams each table's COPY text back out.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { CHECKSUM_ENTRY, type Manifest, MANIFEST_ENTRY, parseManifest } from './manifest.ts'
import { BLOCK_BYTES, nextHeaderOffset, parseTarHeader, type TarEntry } from './tar.ts'

export interface Archive {
  path: string
  manifest: Manifest
  /** The uncompressed COPY text of one table's entry, chunk by chunk. */
  tableChunks(entry: string): AsyncIterable<Buffer>
}

/** Opens and verifies the archive at path; throws a message naming what is wrong. */
export async function openArchive(path: string): Promise<Archive> {
  const entries = await listEntries(path)
  const checksumEntry = entries.find((e) => e.name === CHECKSUM_ENTRY)
  if (!checksumEntry) throw new Error(`corrupted or incomplete archive ${path}: it has no ${CHECKSUM_ENTRY} (was the backup interrupted?)`)
  const stored = (await readEntry(path, checksumEntry)).toString('utf8').trim()
  const actual = await hashRange(path, 0, checksumEntry.headerOffset)
  if (stored !== actual) throw new Error(`corrupted archive ${path}: its SHA-256 is ${actual}, the archive says ${stored}`)
  const manifestEntry = entries.find((e) => e.name === MANIFEST_ENTRY)
  if (!manifestEntry) throw new Error(`corrupted archive ${path}: no ${MANIFEST_ENTRY}`)
  const manifest = parseManifest((await readEntry(path, manifestEntry)).toString('utf8'))
  const byName = new Map(entries.map((e) => [e.name, e]))
  for (const t of manifest.tables) {
    if (!byName.has(t.entry)) throw new Error(`corrupted archive ${path}: the manifest lists ${t.entry}, which it does not hold`)
  }
  return {
    path,
    manifest,
    tableChunks(name: string) {
      const e = byName.get(name)!
      if (e.sizeBytes === 0) return (async function* () {})()
      return createReadStream(path, { start: e.dataOffset, end: e.dataOffset + e.sizeBytes - 1 }).pipe(createGunzip())
    },
  }
}

async function listEntries(path: string): Promise<TarEntry[]> {
  const file = await open(path, 'r')
  try {
    const { size } = await file.stat()
    const entries: TarEntry[] = []
    let offset = 0
    while (offset < size) {
      const block = Buffer.alloc(BLOCK_BYTES)
      const { bytesRead } = await file.read(block, 0, BLOCK_BYTES, offset)
      const entry = parseTarHeader(block.subarray(0, bytesRead), offset)
      if (!entry) break
      if (entry.dataOffset + entry.sizeBytes > size) throw new Error(`truncated archive ${path}: ${entry.name} runs past the end of the file`)
      entries.push(entry)
      offset = nextHeaderOffset(entry)
    }
    return entries
  } finally {
    await file.close()
  }
}

async function readEntry(path: string, entry: TarEntry): Promise<Buffer> {
  const file = await open(path, 'r')
  try {
    const buf = Buffer.alloc(entry.sizeBytes)
    await file.read(buf, 0, entry.sizeBytes, entry.dataOffset)
    return buf
  } finally {
    await file.close()
  }
}

async function hashRange(path: string, start: number, endExclusive: number): Promise<string> {
  const hash = createHash('sha256')
  if (endExclusive > start) for await (const chunk of createReadStream(path, { start, end: endExclusive - 1 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
