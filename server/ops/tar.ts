// The archive container: a plain POSIX ustar file (readable by `tar tvf`), written and read
// entry by entry. Only what backups need: regular files, names up to 100 bytes, sizes < 8 GiB.

export const BLOCK_BYTES = 512

/** One entry as laid out in the file: its name, where its data starts and how long it is. */
export interface TarEntry {
  name: string
  headerOffset: number
  dataOffset: number
  sizeBytes: number
}

/** The 512-byte ustar header of a regular file (mode 0644, mtime in seconds since 1970). */
export function tarHeader(name: string, sizeBytes: number, mtimeS: number): Uint8Array {
  const nameBytes = new TextEncoder().encode(name)
  if (nameBytes.length > 100) throw new Error(`tar entry name must be at most 100 bytes, got ${nameBytes.length} (${name})`)
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes < 0 || sizeBytes >= 8 ** 11) throw new Error(`tar entry size must be below 8 GiB, got ${sizeBytes}`)
  const h = new Uint8Array(BLOCK_BYTES)
  const put = (offset: number, text: string) => h.set(new TextEncoder().encode(text), offset)
  h.set(nameBytes, 0)
  put(100, '0000644\0')
  put(108, '0000000\0')
  put(116, '0000000\0')
  put(124, sizeBytes.toString(8).padStart(11, '0') + '\0')
  put(136, Math.floor(mtimeS).toString(8).padStart(11, '0') + '\0')
  put(148, '        ')
  put(156, '0')
  put(257, 'ustar\0')
  put(263, '00')
  let sum = 0
  for (const byte of h) sum += byte
  put(148, sum.toString(8).padStart(6, '0') + '\0 ')
  return h
}

/** Zero bytes that pad an entry's data to a whole block. */
export function tarPadding(sizeBytes: number): Uint8Array {
  return new Uint8Array((BLOCK_BYTES - (sizeBytes % BLOCK_BYTES)) % BLOCK_BYTES)
}

/** The two zero blocks that end an archive. */
export const TAR_END = new Uint8Array(2 * BLOCK_BYTES)

/**
 * Parses one header block at headerOffset; null at the end-of-archive (zero) block. Throws on a
 * block that is not a ustar header or whose checksum is wrong (a corrupted archive).
 */
export function parseTarHeader(block: Uint8Array, headerOffset: number): TarEntry | null {
  if (block.length !== BLOCK_BYTES) throw new Error(`truncated archive: a header at byte ${headerOffset} is ${block.length} bytes, not ${BLOCK_BYTES}`)
  if (block.every((b) => b === 0)) return null
  const text = (start: number, length: number) => new TextDecoder().decode(block.subarray(start, start + length)).replace(/\0.*$/s, '')
  if (text(257, 6) !== 'ustar') throw new Error(`not a backup archive: no tar header at byte ${headerOffset}`)
  const stored = parseInt(text(148, 8).trim(), 8)
  let sum = 0
  for (let i = 0; i < BLOCK_BYTES; i++) sum += i >= 148 && i < 156 ? 32 : block[i]
  if (stored !== sum) throw new Error(`corrupted archive: the tar header at byte ${headerOffset} fails its checksum`)
  const sizeBytes = parseInt(text(124, 12).trim(), 8)
  if (!Number.isSafeInteger(sizeBytes)) throw new Error(`corrupted archive: bad entry size at byte ${headerOffset}`)
  return { name: text(0, 100), headerOffset, dataOffset: headerOffset + BLOCK_BYTES, sizeBytes }
}

/** Where the header after entry starts. */
export function nextHeaderOffset(entry: TarEntry): number {
  return entry.dataOffset + entry.sizeBytes + tarPadding(entry.sizeBytes).length
}
