// An in-process LRU of encoded tiles, bounded in bytes. Keys carry the versions of the data
// layers a tile is drawn from (see repos/versions.ts), so a change to the data makes new keys and
// old tiles simply age out: nothing stale can be served, on this replica or any other.

export class TileCache {
  private entries = new Map<string, Uint8Array>()
  private bytes = 0
  /** lookups answered from the cache and not, since start (for /metrics) */
  hits = 0
  misses = 0
  private versionsAt = -Infinity
  private versionsValue: Promise<Map<string, number>> | null = null

  /**
   * @param maxBytes most bytes of tiles held (default 64 MiB)
   * @param versionsTtlMs how long data-layer versions are trusted without asking the database;
   *   a write through this process forgets them at once, other replicas' writes show within it
   */
  constructor(
    private readonly maxBytes = 64 * 1024 * 1024,
    private readonly versionsTtlMs = 500,
  ) {}

  /** The data-layer versions, from `load` at most once per TTL. `now` is a clock in ms. */
  versions(load: () => Promise<Map<string, number>>, now: number): Promise<Map<string, number>> {
    if (!this.versionsValue || now - this.versionsAt > this.versionsTtlMs) {
      this.versionsAt = now
      this.versionsValue = load().catch((err) => {
        this.versionsValue = null
        throw err
      })
    }
    return this.versionsValue
  }

  /** Forgets the data-layer versions, after a write. */
  forgetVersions(): void {
    this.versionsValue = null
  }

  get(key: string): Uint8Array | undefined {
    const tile = this.entries.get(key)
    if (tile) this.hits++
    else this.misses++
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

  /** Drops every tile (benchmarks measure the uncached path with it). */
  clear(): void {
    this.entries.clear()
    this.bytes = 0
  }

  get size(): number {
    return this.entries.size
  }

  /** Bytes of tiles held. */
  get sizeBytes(): number {
    return this.bytes
  }
}
