// k-rings of H3 cells (h3-js gridDisk) kept as numbers: a cell's ring is a pure function of the
// cell, so rings computed once serve every later study area (Gi* over ~280,000 res-7 cells calls
// gridDisk ~390,000 times, seconds of work; a memoised ring costs a hash probe). Cells are keyed
// by numbers (cellKey) in an open-addressing table on typed arrays: Map lookups on fresh h3-js
// strings, or on numbers above 2^31 (boxed), are several times slower.
import { gridDisk } from 'h3-js'

/** The resolution of an h3-js hex cell: the index's bits 52–55, its second hex digit. */
export function resolutionOf(h3: string): number {
  return parseInt(h3[h3.length - 14], 16)
}

/** Hex digits at the end of a res-r cell that hold only unused digits (all bits set). */
export function unusedHexDigits(res: number): number {
  return Math.floor((3 * (15 - res)) / 4)
}

/**
 * A number that identifies a cell among cells of its resolution: the hex index without its
 * trailing digits, which are all unused (7s) below the resolution. Exact (< 2^53) up to r12.
 */
export function cellKey(h3: string): number {
  return parseInt(h3.slice(0, h3.length - unusedHexDigits(resolutionOf(h3))), 16)
}

const TRAILING = Array.from({ length: 16 }, (_, res) => 'f'.repeat(unusedHexDigits(res)))

/** The h3-js hex cell of a cellKey at resolution res (cellKey's inverse). */
export function keyCell(key: number, res: number): string {
  return key.toString(16) + TRAILING[res]
}

/** An open-addressing hash table from cell keys (positive integers < 2^53) to non-negative integers. */
export class KeyIndex {
  private keys: Float64Array
  private values: Int32Array
  private mask: number
  size = 0

  constructor(expected = 1024) {
    let cap = 1024
    while (cap < expected * 2) cap *= 2
    this.keys = new Float64Array(cap)
    this.values = new Int32Array(cap)
    this.mask = cap - 1
  }

  private slotOf(key: number): number {
    const lo = key >>> 0
    const hi = (key / 4294967296) >>> 0
    // murmur3's 32-bit finaliser over both halves
    let h = lo ^ Math.imul(hi, 0x9e3779b1)
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
    let slot = h & this.mask
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & this.mask
    return slot
  }

  /** The value of key, or -1. */
  get(key: number): number {
    const slot = this.slotOf(key)
    return this.keys[slot] === key ? this.values[slot] : -1
  }

  /** Sets key to value (value >= 0). */
  set(key: number, value: number): void {
    if (key <= 0) throw new Error(`cell keys are positive, got ${key}`)
    let slot = this.slotOf(key)
    if (this.keys[slot] === 0) {
      if ((this.size + 1) * 2 > this.keys.length) {
        this.grow()
        slot = this.slotOf(key)
      }
      this.keys[slot] = key
      this.size++
    }
    this.values[slot] = value
  }

  private grow(): void {
    const { keys, values } = this
    this.keys = new Float64Array(keys.length * 2)
    this.values = new Int32Array(keys.length * 2)
    this.mask = this.keys.length - 1
    for (let s = 0; s < keys.length; s++) if (keys[s] !== 0) {
      const slot = this.slotOf(keys[s])
      this.keys[slot] = keys[s]
      this.values[slot] = values[s]
    }
  }
}

/**
 * The k-rings of cells, memoised. Every cell met gets a dense slot number (slot(key)); a ring is
 * stored as the slots of gridDisk(cell, k), in gridDisk's order, at rings[start .. start + count)
 * after ring(slot, res). Slots let a study area map cells to its own indices with a plain array
 * indexed by slot, not a hash probe per neighbour. Above `budget` stored ring entries the memo
 * starts afresh (checked by reset(), between study areas, so slots in use are never dropped).
 */
export class RingMemo {
  readonly k: number
  private readonly perCell: number
  private index = new KeyIndex()
  private slotKeys = new Float64Array(1024)
  private ringSlots: Int32Array
  /** ring length per slot; NOT_COMPUTED until ring() asks gridDisk */
  private counts = new Uint8Array(1024)
  /** slots in use */
  size = 0
  /** Set by ring(): where the ring's slots start in `rings` and how many there are. */
  start = 0
  count = 0

  constructor(
    k: number,
    private readonly budget = 8_000_000,
  ) {
    if (!Number.isInteger(k) || k < 1 || k > 5) throw new Error(`k must be an integer from 1 to 5, got ${k}`)
    this.k = k
    this.perCell = 3 * k * (k + 1) + 1
    this.ringSlots = new Int32Array(this.perCell * 1024)
  }

  /** The stored rings; a ring is rings[start .. start + count) after ring(). */
  get rings(): Int32Array {
    return this.ringSlots
  }

  /** Forgets every cell when more than the budget of ring entries is stored. */
  reset(): void {
    if (this.size * this.perCell <= this.budget) return
    this.index = new KeyIndex()
    this.size = 0
  }

  /** The slot of a cell key, given one if new. */
  slot(key: number): number {
    let slot = this.index.get(key)
    if (slot >= 0) return slot
    slot = this.size++
    if (slot === this.slotKeys.length) this.grow()
    this.slotKeys[slot] = key
    this.counts[slot] = NOT_COMPUTED
    this.index.set(key, slot)
    return slot
  }

  /** The cell key of a slot. */
  keyOf(slot: number): number {
    return this.slotKeys[slot]
  }

  /** Looks up (or computes with gridDisk) the ring of the res-`res` cell in `slot`; sets start and count. */
  ring(slot: number, res: number): void {
    const at = slot * this.perCell
    if (this.counts[slot] === NOT_COMPUTED) {
      const disk = gridDisk(keyCell(this.slotKeys[slot], res), this.k)
      // slot() may grow the arrays: write through this.ringSlots each time
      for (let i = 0; i < disk.length; i++) {
        const member = this.slot(cellKey(disk[i]))
        this.ringSlots[at + i] = member
      }
      this.counts[slot] = disk.length
    }
    this.start = at
    this.count = this.counts[slot]
  }

  private grow(): void {
    const n = this.slotKeys.length * 2
    const slotKeys = new Float64Array(n)
    slotKeys.set(this.slotKeys)
    this.slotKeys = slotKeys
    const counts = new Uint8Array(n)
    counts.set(this.counts)
    this.counts = counts
    const ringSlots = new Int32Array(n * this.perCell)
    ringSlots.set(this.ringSlots)
    this.ringSlots = ringSlots
  }
}

const NOT_COMPUTED = 255

const memos = new Map<number, RingMemo>()

/** The process-wide ring memo for k (rings depend only on the cell and k). */
export function ringMemo(k: number): RingMemo {
  let memo = memos.get(k)
  if (!memo) memos.set(k, (memo = new RingMemo(k)))
  return memo
}
