// H3 cells of incident points at the stored resolutions, as the decimal text of the 64-bit index
// (the `bigint` columns h3_r3..h3_r9). PostgreSQL has no h3 extension here (PGlite, managed
// servers), so cells are computed once at import and aggregation is a plain GROUP BY.
import { latLngToCell } from 'h3-js'

/** Resolutions stored with every incident (r3 ≈ 12,400 km², r9 ≈ 0.1 km² per cell). */
export const STORED_RESOLUTIONS = [3, 4, 5, 6, 7, 8, 9] as const
export type StoredResolution = (typeof STORED_RESOLUTIONS)[number]

const RES_SHIFT = 52n
const RES_MASK = 0xfn << RES_SHIFT
/** For parent resolution r: the bits of digits r+1..15, all set to 7 (unused) in an H3 cell index. */
const UNUSED_DIGITS = STORED_RESOLUTIONS.map((r) => (1n << BigInt(3 * (15 - r))) - 1n)

/**
 * The cells of [lng, lat] at resolutions 3..9, as decimal strings of the H3 index. Computes the
 * r9 cell with h3-js and derives its parents by bit arithmetic on the index (H3 index layout:
 * resolution in bits 52–55, 3-bit digits below, unused digits set to 7), which equals h3-js
 * cellToParent at a fraction of its cost.
 */
export function storedCells(lng: number, lat: number): string[] {
  const r9 = BigInt(`0x${latLngToCell(lat, lng, 9)}`)
  const out = new Array<string>(STORED_RESOLUTIONS.length)
  const base = r9 & ~RES_MASK
  for (let i = 0; i < STORED_RESOLUTIONS.length - 1; i++) {
    out[i] = (base | (BigInt(STORED_RESOLUTIONS[i]) << RES_SHIFT) | UNUSED_DIGITS[i]).toString()
  }
  out[STORED_RESOLUTIONS.length - 1] = r9.toString()
  return out
}

/** Hex form (h3-js) of a cell stored as a decimal string. */
export function cellHex(decimal: string): string {
  return BigInt(decimal).toString(16)
}

/** Decimal form (database) of an h3-js hex cell. */
export function cellDecimal(hex: string): string {
  return BigInt(`0x${hex}`).toString()
}

/**
 * H3 resolution for a web map zoom: a cell about 20–30 screen pixels across, clamped to 3..8.
 * Each resolution step divides the edge by ~2.65 and each zoom step halves a pixel, hence 0.71.
 */
export function resolutionForZoom(zoom: number): number {
  return Math.max(3, Math.min(8, Math.round(0.71 * zoom - 0.55)))
}
