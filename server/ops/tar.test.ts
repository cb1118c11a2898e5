import { describe, expect, it } from 'vitest'
import { BLOCK_BYTES, nextHeaderOffset, parseTarHeader, tarHeader, tarPadding } from './tar.ts'

describe('tar', () => {
  it('reads back the name and size it wrote', () => {
    const entry = parseTarHeader(tarHeader('tables/incidents.copy.gz', 1234567, 1_700_000_000), 1024)
    expect(entry).toEqual({ name: 'tables/incidents.copy.gz', headerOffset: 1024, dataOffset: 1536, sizeBytes: 1234567 })
    expect(nextHeaderOffset(entry!)).toBe(1536 + 1234567 + tarPadding(1234567).length)
    expect((1536 + 1234567 + tarPadding(1234567).length) % BLOCK_BYTES).toBe(0)
  })

  it('pads data to whole blocks', () => {
    expect(tarPadding(0).length).toBe(0)
    expect(tarPadding(1).length).toBe(511)
    expect(tarPadding(512).length).toBe(0)
  })

  it('refuses a header with a flipped byte', () => {
    const header = tarHeader('manifest.json', 10, 0)
    header[3] ^= 1
    expect(() => parseTarHeader(header, 0)).toThrow('corrupted archive: the tar header at byte 0 fails its checksum')
  })

  it('refuses a block that is no tar header', () => {
    expect(() => parseTarHeader(new Uint8Array(BLOCK_BYTES).fill(7), 512)).toThrow('not a backup archive: no tar header at byte 512')
  })

  it('ends at a zero block', () => {
    expect(parseTarHeader(new Uint8Array(BLOCK_BYTES), 0)).toBeNull()
  })
})
