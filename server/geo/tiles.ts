// Web Mercator (EPSG:3857) XYZ tile arithmetic, as in the OSM slippy-map scheme.

/** Highest zoom the tile endpoints serve. */
export const MAX_TILE_ZOOM = 22

/** Returns which of z/x/y is out of range and why, or null when z/x/y is a tile address. */
export function tileError(z: number, x: number, y: number): { field: 'z' | 'x' | 'y'; message: string } | null {
  if (!Number.isInteger(z) || z < 0 || z > MAX_TILE_ZOOM) return { field: 'z', message: `z must be an integer from 0 to ${MAX_TILE_ZOOM}, got ${z}` }
  const n = 2 ** z
  if (!Number.isInteger(x) || x < 0 || x >= n) return { field: 'x', message: `x must be an integer from 0 to ${n - 1} at z=${z}, got ${x}` }
  if (!Number.isInteger(y) || y < 0 || y >= n) return { field: 'y', message: `y must be an integer from 0 to ${n - 1} at z=${z}, got ${y}` }
  return null
}

/** Bounds of tile z/x/y as [west, south, east, north] in degrees (EPSG:4326). */
export function tileBounds(z: number, x: number, y: number): [number, number, number, number] {
  const n = 2 ** z
  const lng = (i: number) => (i / n) * 360 - 180
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI
  return [lng(x), lat(y + 1), lng(x + 1), lat(y)]
}

/** The z/x/y of the tile holding the point lng/lat (degrees, |lat| < 85.05). */
export function tileOfPoint(lng: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z
  const rad = (lat * Math.PI) / 180
  const x = Math.min(n - 1, Math.floor(((lng + 180) / 360) * n))
  const y = Math.min(n - 1, Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n))
  return [z, x, y]
}
