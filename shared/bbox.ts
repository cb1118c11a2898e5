// Bounding boxes given as "west,south,east,north" in degrees (EPSG:4326), as OGC APIs take them.

export type Bbox = [west: number, south: number, east: number, north: number]

/** Parses "w,s,e,n"; throws a message saying what is wrong with it. */
export function parseBbox(text: string): Bbox {
  const parts = text.split(',').map((p) => p.trim())
  if (parts.length !== 4) throw new Error(`bbox must be 4 numbers "west,south,east,north", got ${parts.length}`)
  const nums = parts.map(Number)
  if (nums.some((n, i) => parts[i] === '' || !Number.isFinite(n))) throw new Error(`bbox must be 4 numbers "west,south,east,north", got "${text}"`)
  const [w, s, e, n] = nums
  if (w < -180 || e > 180 || w > e) throw new Error(`bbox longitudes must satisfy -180 <= west <= east <= 180, got west ${w}, east ${e}`)
  if (s < -90 || n > 90 || s > n) throw new Error(`bbox latitudes must satisfy -90 <= south <= north <= 90, got south ${s}, north ${n}`)
  return [w, s, e, n]
}
