// Getis-Ord Gi* on H3 cells (Getis & Ord 1992; Ord & Getis 1995), as ArcGIS Hot Spot Analysis
// computes it: binary weights on the k-ring neighbourhood of each cell, the cell itself included.
//   Gi* = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))
//   X̄ = Σ x / n,  S = √(Σ x² / n − X̄²)
// The result is a z-score; its two-sided p-value comes from the standard normal.
import { cellKey, keyCell, resolutionOf, ringMemo } from './cell-rings.ts'
import { roundDecimals } from './decimals.ts'
import { bhAdjustCounted } from './fdr.ts'
import { twoSidedP } from './normal.ts'

/** Hot and cold spot classes, as ArcGIS's Gi_Bin ±3/±2/±1/0. */
export const HOTSPOT_CLASSES = ['hot_99', 'hot_95', 'hot_90', 'not_significant', 'cold_90', 'cold_95', 'cold_99'] as const
export type HotspotClass = (typeof HOTSPOT_CLASSES)[number]

/** The CSR layout of a study area: neighbours of cell i are indices[offsets[i] .. offsets[i + 1]) (itself included). */
export interface Neighbours {
  offsets: Int32Array
  indices: Int32Array
}

/** The study area: cells and, for each, the indices of its k-ring neighbours (itself included). */
export interface Neighbourhoods extends Neighbours {
  cells: string[]
}

/** A study area of one resolution's cells as cellKey numbers (cell-rings.ts). */
export interface KeyNeighbourhoods extends Neighbours {
  res: number
  keys: Float64Array
}

/**
 * Builds the k-ring neighbourhoods of the given cells. With fillNeighbours, every cell within k
 * of a given cell joins the study area too (with value 0 unless given), so a cluster surrounded
 * by cells without incidents is measured against them rather than against nothing. The given
 * cells come first, in their order, then the added ones in the order their rings meet them; each
 * cell's neighbours are listed in gridDisk's order. Rings come from the process-wide memo
 * (cell-rings.ts): only cells never seen before cost a gridDisk call.
 */
export function neighbourhoods(cells: readonly string[], k = 1, fillNeighbours = true): Neighbourhoods {
  const { res, keys } = cellKeys(cells)
  const nb = keyNeighbourhoods(res, keys, k, fillNeighbours)
  const all = cells.slice()
  for (let i = cells.length; i < nb.keys.length; i++) all.push(keyCell(nb.keys[i], res))
  return { cells: all, offsets: nb.offsets, indices: nb.indices }
}

/**
 * The last study area built for each k and fillNeighbours, by the cells it was built from: the
 * same cells (the same view with other data, another metric) give the same study area, so it is
 * not built again (~40 ms and ~20 MB of fresh arrays for the res-7 zone). Callers never change it.
 */
const lastAreas = new Map<string, { res: number; given: Float64Array; area: KeyNeighbourhoods }>()

/** Forgets the memoised study areas (the bench measures a study area built afresh). */
export function forgetStudyAreas(): void {
  lastAreas.clear()
}

/** neighbourhoods() of res-`res` cells given as cellKey numbers: the study area's keys, no strings. */
export function keyNeighbourhoods(res: number, keys: ArrayLike<number>, k = 1, fillNeighbours = true): KeyNeighbourhoods {
  if (!Number.isInteger(k) || k < 1 || k > 5) throw new Error(`k must be an integer from 1 to 5, got ${k}`)
  const memoKey = `${k}:${fillNeighbours}`
  const last = lastAreas.get(memoKey)
  if (last && last.res === res && sameKeys(last.given, keys)) return last.area
  const area = buildNeighbourhoods(res, keys, k, fillNeighbours)
  lastAreas.set(memoKey, { res, given: Float64Array.from(keys), area })
  return area
}

function sameKeys(a: Float64Array, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

function buildNeighbourhoods(res: number, keys: ArrayLike<number>, k: number, fillNeighbours: boolean): KeyNeighbourhoods {
  const memo = ringMemo(k)
  memo.reset()
  const perCell = 3 * k * (k + 1) + 1
  // the memo slot of each study-area cell, and the study-area index of each memo slot (-1: none);
  // the memo grows while rings are computed, so areaOf grows with it
  let slots = new Int32Array(Math.max(16, fillNeighbours ? keys.length * 3 : keys.length))
  let size = 0
  let areaOf = new Int32Array(Math.max(1024, memo.size + keys.length * perCell)).fill(-1)
  const areaIndex = (slot: number) => (slot < areaOf.length ? areaOf[slot] : -1)
  const add = (slot: number) => {
    if (slot >= areaOf.length) {
      const grown = new Int32Array(Math.max(slot + 1, areaOf.length * 2)).fill(-1)
      grown.set(areaOf)
      areaOf = grown
    }
    if (size === slots.length) {
      const grown = new Int32Array(slots.length * 2)
      grown.set(slots)
      slots = grown
    }
    areaOf[slot] = size
    slots[size++] = slot
  }
  for (let i = 0; i < keys.length; i++) {
    const slot = memo.slot(keys[i])
    if (areaIndex(slot) >= 0) throw new Error(`cell ${keyCell(keys[i], res)} appears twice`)
    add(slot)
  }
  if (fillNeighbours) {
    const given = size
    for (let i = 0; i < given; i++) {
      memo.ring(slots[i], res)
      const rings = memo.rings
      for (let p = memo.start; p < memo.start + memo.count; p++) if (areaIndex(rings[p]) < 0) add(rings[p])
    }
  }
  const offsets = new Int32Array(size + 1)
  const indices = new Int32Array(size * perCell)
  let used = 0
  for (let i = 0; i < size; i++) {
    memo.ring(slots[i], res)
    const rings = memo.rings
    for (let p = memo.start; p < memo.start + memo.count; p++) {
      const j = areaIndex(rings[p])
      if (j >= 0) indices[used++] = j
    }
    offsets[i + 1] = used
  }
  const areaKeys = new Float64Array(size)
  for (let i = 0; i < size; i++) areaKeys[i] = memo.keyOf(slots[i])
  return { res, keys: areaKeys, offsets, indices: indices.slice(0, used) }
}

/**
 * Gi* z-scores of the cells of nb, in its order, given the values of its first values.length cells
 * (all of them, or the given cells before the zero-filled neighbours: the rest are 0); 0 where the
 * statistic is undefined. Written into `into` (at least one entry per cell) when given.
 */
export function giStarZ(nb: Neighbours, values: ArrayLike<number>, into?: Float64Array): Float64Array {
  const n = nb.offsets.length - 1
  const given = values.length
  if (given > n) throw new Error(`values must have at most one entry per cell (${n}), got ${given}`)
  const z = into ? into.subarray(0, n).fill(0) : new Float64Array(n)
  if (n < 2) return z
  // zeros add nothing to the sums: the same bits as summing every cell
  let sum = 0
  let sumSq = 0
  for (let i = 0; i < given; i++) {
    sum += values[i]
    sumSq += values[i] * values[i]
  }
  const mean = sum / n
  const s = Math.sqrt(Math.max(0, sumSq / n - mean * mean))
  if (s === 0) return z
  for (let i = 0; i < n; i++) {
    let w = 0
    let wx = 0
    for (let p = nb.offsets[i]; p < nb.offsets[i + 1]; p++) {
      w++
      const j = nb.indices[p]
      if (j < given) wx += values[j]
    }
    // binary weights: Σ w² = Σ w
    const denominator = s * Math.sqrt((n * w - w * w) / (n - 1))
    z[i] = denominator > 0 ? (wx - mean * w) / denominator : 0
  }
  return z
}

/** The class of a z-score given its (FDR-adjusted or raw) p-value. */
export function hotspotClass(z: number, p: number): HotspotClass {
  return HOTSPOT_CLASSES[hotspotClassIndex(z, p)]
}

/** hotspotClass as its index in HOTSPOT_CLASSES (no string made: the API writes ~280,000). */
export function hotspotClassIndex(z: number, p: number): number {
  if (z === 0 || p > 0.1) return NOT_SIGNIFICANT
  const level = p <= 0.01 ? 0 : p <= 0.05 ? 1 : 2
  // the cold classes mirror the hot ones around not_significant
  return z > 0 ? level : HOTSPOT_CLASSES.length - 1 - level
}

const NOT_SIGNIFICANT = HOTSPOT_CLASSES.indexOf('not_significant')

export interface GiStarCell {
  h3: string
  value: number
  z: number
  /** two-sided p-value of z */
  p: number
  /** Benjamini–Hochberg adjusted p-value (equal to p without FDR) */
  q: number
  class: HotspotClass
}

/**
 * Decimals of the z-scores and of the p- and q-values Gi* results carry, as the trends answer
 * rounds its own: the p-values are good to ~1e-7 (normal.ts), the map shows z to 2 decimals and p
 * to 3, and full-precision numbers made a third of a res-7 answer over the zone (38.7 MB).
 * Classes are decided on the rounded values, so a cell's class always matches its numbers.
 */
export const GISTAR_DECIMALS = { z: 4, p: 6 } as const

/**
 * Gi* of a study area as columns: its cells (cellKey numbers of resolution res), the `given`
 * cells first, in their order, then the zero-filled neighbours; the given cells' values; and its
 * statistics dictionary-encoded: cell i has z[of[i]], p[of[i]] and q[of[i]] (two-sided p; q
 * BH-adjusted with fdr, else p). Cells with equal z share one entry: a res-7 study area over the
 * zone holds ~280,000 cells and a few hundred distinct z-scores.
 */
export interface GiStarArrays {
  res: number
  keys: Float64Array
  /** the values of the given cells (the zero-filled neighbours' are 0) */
  values: Float64Array
  given: number
  of: Int32Array
  z: Float64Array
  p: Float64Array
  q: Float64Array
}

/**
 * Whether an answer lists cell i of a study area: every cell with a value given, a zero-filled
 * neighbour only when it is a hot or cold spot. The others (most of them: 174,000 of a res-7
 * study area over the zone) hold no incident and say nothing, as the trends answer leaves out
 * cells without incidents or pattern; they still count in the statistics.
 */
export function listed(gi: GiStarArrays, i: number): boolean {
  return i < gi.given || significant(gi, gi.of[i])
}

/** listed() of the zero-filled neighbours by entry of the statistics: 1 where the cells holding entry j are listed. */
export function listedEntries(gi: GiStarArrays): Uint8Array {
  return Uint8Array.from(gi.z, (_, j) => (significant(gi, j) ? 1 : 0))
}

function significant(gi: GiStarArrays, entry: number): boolean {
  return hotspotClassIndex(gi.z[entry], gi.q[entry]) !== NOT_SIGNIFICANT
}

export interface GiStarOptions {
  /** k-ring of the neighbourhood, 1 by default */
  k?: number
  /** Benjamini–Hochberg correction of the p-values, on by default */
  fdr?: boolean
  /** zero-filled neighbours join the study area, by default */
  fillNeighbours?: boolean
}

/**
 * Gi* for res-`res` cells given as cellKey numbers and their values, over the study area (with
 * fillNeighbours, the default, their zero-filled k-ring joins it), z, p and q rounded to
 * GISTAR_DECIMALS. No cell string is made: the API writes them as it answers.
 */
export function giStarColumns(res: number, keys: ArrayLike<number>, values: ArrayLike<number>, options: GiStarOptions = {}): GiStarArrays {
  if (values.length !== keys.length) throw new Error(`values must have one entry per cell (${keys.length}), got ${values.length}`)
  const nb = keyNeighbourhoods(res, keys, options.k ?? 1, options.fillNeighbours ?? true)
  // z-scores repeat (every zero-filled neighbour with the same neighbour sum and count): p, q and
  // their rounding are computed once per distinct z. The z of every cell is only needed until
  // then: it goes into a scratch array kept between calls (2.3 MB of fresh memory less a request
  // at res 7 over the zone; this function never awaits, so no other call uses it meanwhile)
  if (zScratch.length < nb.keys.length) zScratch = new Float64Array(nb.keys.length)
  const { values: z, counts, of } = distinctOf(giStarZ(nb, values, zScratch))
  const p = Float64Array.from(z, twoSidedP)
  const q = (options.fdr ?? true) ? bhAdjustCounted(p, counts) : p.slice()
  for (let j = 0; j < z.length; j++) {
    z[j] = roundDecimals(z[j], GISTAR_DECIMALS.z)
    p[j] = roundDecimals(p[j], GISTAR_DECIMALS.p)
    q[j] = roundDecimals(q[j], GISTAR_DECIMALS.p)
  }
  return { res, keys: nb.keys, values: values instanceof Float64Array ? values : Float64Array.from(values), given: keys.length, of, z, p, q }
}

let zScratch = new Float64Array(0)

/** The distinct values of x (by bit pattern), how often each occurs, and the index of each entry's value. */
export function distinctOf(x: Float64Array): { values: Float64Array; counts: Int32Array; of: Int32Array } {
  const bits = new Uint32Array(x.buffer, x.byteOffset, x.length * 2)
  const of = new Int32Array(x.length)
  // an open-addressing table of 1 + the index of a distinct value, grown with them (few, usually)
  let table: Int32Array = new Int32Array(1024)
  let firsts: Int32Array = new Int32Array(512)
  let counts: Int32Array = new Int32Array(512)
  let distinct = 0
  const slotOf = (lo: number, hi: number) => {
    let h = lo ^ Math.imul(hi, 0x9e3779b1)
    h ^= h >>> 16
    h = Math.imul(h, 0x85ebca6b)
    h ^= h >>> 13
    const mask = table.length - 1
    let slot = h & mask
    for (;;) {
      const t = table[slot]
      if (t === 0) return slot
      const f = firsts[t - 1]
      if (bits[2 * f] === lo && bits[2 * f + 1] === hi) return slot
      slot = (slot + 1) & mask
    }
  }
  for (let i = 0; i < x.length; i++) {
    const lo = bits[2 * i]
    const hi = bits[2 * i + 1]
    let slot = slotOf(lo, hi)
    if (table[slot] !== 0) {
      counts[(of[i] = table[slot] - 1)]++
      continue
    }
    if (distinct === firsts.length) {
      firsts = grown(firsts)
      counts = grown(counts)
      table = new Int32Array(table.length * 2)
      for (let j = 0; j < distinct; j++) table[slotOf(bits[2 * firsts[j]], bits[2 * firsts[j] + 1])] = j + 1
      slot = slotOf(lo, hi)
    }
    table[slot] = distinct + 1
    firsts[distinct] = i
    counts[distinct] = 1
    of[i] = distinct++
  }
  const values = new Float64Array(distinct)
  for (let j = 0; j < distinct; j++) values[j] = x[firsts[j]]
  return { values, counts: counts.slice(0, distinct), of }
}

function grown(a: Int32Array): Int32Array {
  const out = new Int32Array(a.length * 2)
  out.set(a)
  return out
}

/** The resolution and cellKey numbers of cells of one resolution (an error names the first that differs). */
export function cellKeys(cells: readonly string[]): { res: number; keys: Float64Array } {
  const res = cells.length > 0 ? resolutionOf(cells[0]) : 0
  const keys = new Float64Array(cells.length)
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]
    if (resolutionOf(c) !== res) throw new Error(`cells must share one resolution: ${cells[0]} is r${res}, ${c} is r${resolutionOf(c)}`)
    keys[i] = cellKey(c)
  }
  return { res, keys }
}

/**
 * Gi* for a set of cell values: z, p, BH-adjusted q (when fdr) and class at 90/95/99%, for the
 * cells an answer lists (listed()): the given cells, in their order, then the zero-filled
 * neighbours that are hot or cold spots.
 */
export function giStar(cells: readonly { h3: string; value: number }[], options: GiStarOptions = {}): GiStarCell[] {
  const { res, keys } = cellKeys(cells.map((c) => c.h3))
  const gi = giStarColumns(
    res,
    keys,
    cells.map((c) => c.value),
    options,
  )
  const out: GiStarCell[] = []
  for (let i = 0; i < gi.keys.length; i++) {
    if (!listed(gi, i)) continue
    const [z, p, q] = [gi.z[gi.of[i]], gi.p[gi.of[i]], gi.q[gi.of[i]]]
    out.push({ h3: i < cells.length ? cells[i].h3 : keyCell(gi.keys[i], res), value: i < gi.given ? gi.values[i] : 0, z, p, q, class: hotspotClass(z, q) })
  }
  return out
}
