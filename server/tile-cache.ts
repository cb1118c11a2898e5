// An in-process LRU of encoded tiles, bounded in bytes. Keys carry the versions of the data
// layers a tile is drawn from (see repos/versions.ts), so a change to the data makes new keys and
// old tiles simply age out: nothing stale can be served, on this replica or any other.

export class TileCache {
  private entries = new Map<string, Uint8Array>()
  private bytes = 0

  /** @param maxBytes most bytes of tiles held (default 64 MiB) */
  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string): Uint8Array | undefined {
    const tile = this.entries.get(key)
    if (tile) {
      // re-insert: Map order is insertion order, so the first key is the least recently used
      this.entries.delete(key)
      this.entries.set(key, tile)
    }
    return tile
  }

  set(key: string, tile: Uint8Array): void {
    if (tile.byteLength > this.maxBytes) return
    const old = this.entries.get(key)
    if (old) this.bytes -= old.byteLength
    this.entries.delete(key)
    this.entries.set(key, tile)
    this.bytes += tile.byteLength
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(k)
      this.bytes -= v.byteLength
    }
  }

  get size(): number {
    return this.entries.size
  }
}
