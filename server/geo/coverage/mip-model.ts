// The maximal covering problem as a mixed-integer programme, reduced before it is built:
//   max Σ_g w_g·y_g  s.t.  y_g ≤ Σ_{j covers g} x_j,  Σ_j x_j ≤ k,  x_a + x_b ≤ 1 (a, b closer
//   than the spacing),  x binary, 0 ≤ y ≤ 1.
// Reductions that keep the optimum: cells already covered by existing sites leave the model (an
// objective offset), candidates covering nothing new leave it, cells covered by exactly the same
// candidates merge into one row with their summed weight, and without spacing candidates with
// identical coverage keep one column. Σ x ≤ k (not = k) because dropped candidates fill the rest.
import type { CoverageInstance } from './coverage-sets.ts'

export interface MclpModel {
  numCols: number
  numRows: number
  /** the first siteCols columns are the binary x, the rest the continuous y */
  siteCols: number
  colCost: Float64Array
  rowUpper: Float64Array
  /** constraint rows, CSR */
  start: Int32Array
  index: Int32Array
  value: Float64Array
  /** candidate index of each x column */
  siteOf: Int32Array
  /** the y column of each demand cell still in the model, or −1 */
  colOfCell: Int32Array
  /** covered weight = model objective / scale + offset */
  scale: number
  offset: number
}

/** 32-bit FNV-1a over an int list, to bucket identical lists without building string keys. */
function hashList(list: ArrayLike<number>, from = 0, to = list.length): number {
  let h = 0x811c9dc5
  for (let p = from; p < to; p++) h = Math.imul(h ^ list[p], 0x01000193)
  return h >>> 0
}

function sameRange(a: ArrayLike<number>, a0: number, a1: number, b: ArrayLike<number>, b0: number, b1: number): boolean {
  if (a1 - a0 !== b1 - b0) return false
  for (let p = 0; p < a1 - a0; p++) if (a[a0 + p] !== b[b0 + p]) return false
  return true
}

/** Builds the reduced MIP of an instance for k new sites. */
export function buildMclpModel(inst: CoverageInstance, k: number): MclpModel {
  const open = (i: number) => inst.existingCount[i] === 0 && inst.weights[i] > 0
  let offset = 0
  for (let i = 0; i < inst.n; i++) if (inst.existingCount[i] > 0) offset += inst.weights[i]

  // site columns: candidates covering an open cell, one per distinct coverage when unspaced
  const dedupe = inst.conflictIdx.length === 0
  const seen = new Map<number, number[]>()
  const sites: number[] = []
  for (let j = 0; j < inst.m; j++) {
    const [a, b] = [inst.covStart[j], inst.covStart[j + 1]]
    let useful = false
    for (let p = a; p < b && !useful; p++) useful = open(inst.covIdx[p])
    if (!useful) continue
    if (dedupe) {
      const h = hashList(inst.covIdx, a, b)
      const twins = seen.get(h) ?? []
      if (twins.some((t) => sameRange(inst.covIdx, inst.covStart[t], inst.covStart[t + 1], inst.covIdx, a, b))) continue
      seen.set(h, [...twins, j])
    }
    sites.push(j)
  }
  const colOfSite = new Int32Array(inst.m).fill(-1)
  sites.forEach((j, x) => (colOfSite[j] = x))

  // cover lists per open cell (site columns, ascending), then merge identical lists into groups
  const coverers: number[][] = Array.from({ length: inst.n }, () => [])
  sites.forEach((j, x) => {
    for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) if (open(inst.covIdx[p])) coverers[inst.covIdx[p]].push(x)
  })
  const groupOf = new Int32Array(inst.n).fill(-1)
  const groups: { lead: number; weight: number }[] = []
  const byHash = new Map<number, number[]>()
  for (let i = 0; i < inst.n; i++) {
    if (!open(i) || coverers[i].length === 0) continue
    const h = hashList(coverers[i])
    const candidates = byHash.get(h) ?? []
    const g = candidates.find((g) => sameRange(coverers[groups[g].lead], 0, coverers[groups[g].lead].length, coverers[i], 0, coverers[i].length))
    if (g !== undefined) {
      groupOf[i] = g
      groups[g].weight += inst.weights[i]
    } else {
      groupOf[i] = groups.length
      byHash.set(h, [...candidates, groups.length])
      groups.push({ lead: i, weight: inst.weights[i] })
    }
  }

  const modelWeight = groups.reduce((s, g) => s + g.weight, 0)
  const scale = modelWeight > 0 ? 1e6 / modelWeight : 1
  const X = sites.length
  const numCols = X + groups.length
  const colCost = new Float64Array(numCols)
  groups.forEach((g, gi) => (colCost[X + gi] = g.weight * scale))

  const rows: { idx: number[]; val: number[]; upper: number }[] = []
  groups.forEach((g, gi) => rows.push({ idx: [X + gi, ...coverers[g.lead]], val: [1, ...coverers[g.lead].map(() => -1)], upper: 0 }))
  rows.push({ idx: sites.map((_, x) => x), val: sites.map(() => 1), upper: k })
  sites.forEach((j, x) => {
    for (let p = inst.conflictStart[j]; p < inst.conflictStart[j + 1]; p++) {
      const y = colOfSite[inst.conflictIdx[p]]
      if (y > x) rows.push({ idx: [x, y], val: [1, 1], upper: 1 })
    }
  })
  const start = new Int32Array(rows.length + 1)
  rows.forEach((r, ri) => (start[ri + 1] = start[ri] + r.idx.length))
  const index = new Int32Array(start[rows.length])
  const value = new Float64Array(start[rows.length])
  rows.forEach((r, ri) => {
    index.set(r.idx, start[ri])
    value.set(r.val, start[ri])
  })
  const colOfCell = Int32Array.from(groupOf, (g) => (g < 0 ? -1 : X + g))
  return { numCols, numRows: rows.length, siteCols: X, colCost, rowUpper: Float64Array.from(rows, (r) => r.upper), start, index, value, siteOf: Int32Array.from(sites), colOfCell, scale, offset }
}

/** A MIP start (column values) from chosen candidates; candidates without a column are ignored. */
export function mipStart(model: MclpModel, inst: CoverageInstance, chosen: readonly number[]): Float64Array {
  const col = new Float64Array(model.numCols)
  const colOfSite = new Map(Array.from(model.siteOf, (j, x) => [j, x]))
  for (const j of chosen) {
    const x = colOfSite.get(j)
    if (x === undefined) continue
    col[x] = 1
    for (let p = inst.covStart[j]; p < inst.covStart[j + 1]; p++) {
      const c = model.colOfCell[inst.covIdx[p]]
      if (c >= 0) col[c] = 1
    }
  }
  return col
}

/** Candidates whose x column is set in a solution. */
export function chosenSites(model: MclpModel, colValue: ArrayLike<number>): number[] {
  const out: number[] = []
  for (let x = 0; x < model.siteCols; x++) if (colValue[x] > 0.5) out.push(model.siteOf[x])
  return out
}
