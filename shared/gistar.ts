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

/** The study area: cells and, for each, the indices of its k-ring neighbours (itself included). */
export interface Neighbourhoods {
  cells: string[]
  /** CSR layout: neighbours of cell i are indices[offsets[i] .. offsets[i + 1]) */
  offsets: Int32Array
  indices: Int32Array
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
  if (!Number.isInteger(k) || k < 1 || k > 5) throw new Error(`k must be an integer from 1 to 5, got ${k}`)
  const memo = ringMemo(k)
  memo.reset()
  const perCell = 3 * k * (k + 1) + 1
  const all: string[] = []
  // the memo slot of each study-area cell, and the study-area index of each memo slot (-1: none);
  // the memo grows while rings are computed, so areaOf grows with it
  const slots: number[] = []
  let areaOf = new Int32Array(Math.max(1024, memo.size + cells.length * perCell)).fill(-1)
  const areaIndex = (slot: number) => (slot < areaOf.length ? areaOf[slot] : -1)
  const setAreaIndex = (slot: number, i: number) => {
    if (slot >= areaOf.length) {
      const grown = new Int32Array(Math.max(slot + 1, areaOf.length * 2)).fill(-1)
      grown.set(areaOf)
      areaOf = grown
    }
    areaOf[slot] = i
  }
  const res = cells.length > 0 ? resolutionOf(cells[0]) : 0
  for (const c of cells) {
    if (resolutionOf(c) !== res) throw new Error(`cells must share one resolution: ${cells[0]} is r${res}, ${c} is r${resolutionOf(c)}`)
    const slot = memo.slot(cellKey(c))
    if (areaIndex(slot) >= 0) throw new Error(`cell ${c} appears twice`)
    setAreaIndex(slot, slots.push(slot) - 1)
    all.push(c)
  }
  if (fillNeighbours) {
    const given = all.length
    for (let i = 0; i < given; i++) {
      memo.ring(slots[i], res)
      const rings = memo.rings
      for (let p = memo.start; p < memo.start + memo.count; p++) {
        const slot = rings[p]
        if (areaIndex(slot) < 0) {
          setAreaIndex(slot, slots.push(slot) - 1)
          all.push(keyCell(memo.keyOf(slot), res))
        }
      }
    }
  }
  const offsets = new Int32Array(all.length + 1)
  const indices = new Int32Array(all.length * perCell)
  let used = 0
  for (let i = 0; i < all.length; i++) {
    memo.ring(slots[i], res)
    const rings = memo.rings
    for (let p = memo.start; p < memo.start + memo.count; p++) {
      const j = areaIndex(rings[p])
      if (j >= 0) indices[used++] = j
    }
    offsets[i + 1] = used
  }
  return { cells: all, offsets, indices: indices.slice(0, used) }
}

/** Gi* z-scores of values[i] (one per cell of nb, in its order); 0 where the statistic is undefined. */
export function giStarZ(nb: Neighbourhoods, values: ArrayLike<number>): Float64Array {
  const n = nb.cells.length
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

/** Gi* of a study area as arrays aligned with its cells: z, two-sided p, q (BH-adjusted with fdr, else p). */
export interface GiStarArrays {
  cells: string[]
  values: Float64Array
  z: Float64Array
  p: Float64Array
  q: Float64Array
}

/**
 * Gi* for a set of cell values, as arrays over the study area: the given cells first, in their
 * order, then the zero-filled neighbours (with fillNeighbours, the default).
 */
export function giStarArrays(cells: readonly { h3: string; value: number }[], options: { k?: number; fdr?: boolean; fillNeighbours?: boolean } = {}): GiStarArrays {
  const nb = neighbourhoods(
    cells.map((c) => c.h3),
    options.k ?? 1,
    options.fillNeighbours ?? true,
  )
  const values = new Float64Array(nb.cells.length)
  cells.forEach((c, i) => (values[i] = c.value))
  const z = giStarZ(nb, values)
  const p = Float64Array.from(z, twoSidedP)
  const q = (options.fdr ?? true) ? bhAdjust(p) : p
  return { cells: nb.cells, values, z, p, q }
}

/**
 * Gi* for a set of cell values: z, p, BH-adjusted q (when fdr) and class at 90/95/99%.
 * Returns one entry per cell of the study area, zero-filled neighbours included.
 */
export function giStar(cells: readonly { h3: string; value: number }[], options: { k?: number; fdr?: boolean; fillNeighbours?: boolean } = {}): GiStarCell[] {
  const { cells: h3, values, z, p, q } = giStarArrays(cells, options)
  return h3.map((h3, i) => ({ h3, value: values[i], z: z[i], p: p[i], q: q[i], class: hotspotClass(z[i], q[i]) }))
}
