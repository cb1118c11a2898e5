// Getis-Ord Gi* on H3 cells (Getis & Ord 1992; Ord & Getis 1995), as ArcGIS Hot Spot Analysis
// computes it: binary weights on the k-ring neighbourhood of each cell, the cell itself included.
//   Gi* = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S √((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))
//   X̄ = Σ x / n,  S = √(Σ x² / n − X̄²)
// The result is a z-score; its two-sided p-value comes from the standard normal.
import { cellKey, keyCell, resolutionOf, ringMemo } from './cell-rings.ts'
import { bhAdjust } from './fdr.ts'
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

/** neighbourhoods() of res-`res` cells given as cellKey numbers: the study area's keys, no strings. */
export function keyNeighbourhoods(res: number, keys: ArrayLike<number>, k = 1, fillNeighbours = true): KeyNeighbourhoods {
  if (!Number.isInteger(k) || k < 1 || k > 5) throw new Error(`k must be an integer from 1 to 5, got ${k}`)
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

/** Gi* z-scores of values[i] (one per cell of nb, in its order); 0 where the statistic is undefined. */
export function giStarZ(nb: Neighbours, values: ArrayLike<number>): Float64Array {
  const n = nb.offsets.length - 1
  if (values.length !== n) throw new Error(`values must have one entry per cell (${n}), got ${values.length}`)
  const z = new Float64Array(n)
  if (n < 2) return z
  let sum = 0
  let sumSq = 0
  for (let i = 0; i < n; i++) {
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
      wx += values[nb.indices[p]]
    }
    // binary weights: Σ w² = Σ w
    const denominator = s * Math.sqrt((n * w - w * w) / (n - 1))
    z[i] = denominator > 0 ? (wx - mean * w) / denominator : 0
  }
  return z
}

/** The class of a z-score given its (FDR-adjusted or raw) p-value. */
export function hotspotClass(z: number, p: number): HotspotClass {
  const side = z > 0 ? 'hot' : 'cold'
  if (z === 0 || p > 0.1) return 'not_significant'
  return `${side}_${p <= 0.01 ? 99 : p <= 0.05 ? 95 : 90}` as HotspotClass
}

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

/** Gi* of a study area as arrays aligned with its cells (cellKey numbers of resolution res): z, two-sided p, q (BH-adjusted with fdr, else p). */
export interface GiStarArrays {
  res: number
  keys: Float64Array
  values: Float64Array
  z: Float64Array
  p: Float64Array
  q: Float64Array
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
 * Gi* for res-`res` cells given as cellKey numbers and their values, as arrays over the study
 * area: the given cells first, in their order, then the zero-filled neighbours (with
 * fillNeighbours, the default). No cell string is made: the API writes them as it answers.
 */
export function giStarColumns(res: number, keys: ArrayLike<number>, values: ArrayLike<number>, options: GiStarOptions = {}): GiStarArrays {
  if (values.length !== keys.length) throw new Error(`values must have one entry per cell (${keys.length}), got ${values.length}`)
  const nb = keyNeighbourhoods(res, keys, options.k ?? 1, options.fillNeighbours ?? true)
  const all = new Float64Array(nb.keys.length)
  for (let i = 0; i < values.length; i++) all[i] = values[i]
  const z = giStarZ(nb, all)
  const p = new Float64Array(z.length)
  for (let i = 0; i < z.length; i++) p[i] = twoSidedP(z[i])
  const q = (options.fdr ?? true) ? bhAdjust(p) : p
  return { res, keys: nb.keys, values: all, z, p, q }
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
 * Gi* for a set of cell values: z, p, BH-adjusted q (when fdr) and class at 90/95/99%.
 * Returns one entry per cell of the study area, zero-filled neighbours included.
 */
export function giStar(cells: readonly { h3: string; value: number }[], options: GiStarOptions = {}): GiStarCell[] {
  const { res, keys } = cellKeys(cells.map((c) => c.h3))
  const { keys: area, values, z, p, q } = giStarColumns(
    res,
    keys,
    cells.map((c) => c.value),
    options,
  )
  return Array.from(area, (key, i) => ({ h3: i < cells.length ? cells[i].h3 : keyCell(key, res), value: values[i], z: z[i], p: p[i], q: q[i], class: hotspotClass(z[i], q[i]) }))
}
