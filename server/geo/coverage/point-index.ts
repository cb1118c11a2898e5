// A flat bucket index of [lng, lat] points for "every point within r km of here" on the sphere:
// buckets are bucketDeg square, a query scans the buckets its spherical cap can reach and keeps
// the points whose haversine distance is at most r. Exact, not approximate; no antimeridian wrap
// (the Sahel-Sahara is far from it).
import type { Position } from 'geojson'
import { distanceKm, EARTH_RADIUS_KM } from '../../../shared/great-circle.ts'

const KM_PER_DEG = (Math.PI / 180) * EARTH_RADIUS_KM

export class PointIndex {
  private readonly buckets = new Map<number, number[]>()

  /** Indexes points ([lng, lat]); bucketDeg should be near the usual query radius in degrees. */
  constructor(
    readonly points: readonly Position[],
    private readonly bucketDeg: number,
  ) {
    if (!(bucketDeg > 0)) throw new Error(`bucketDeg must be positive, got ${bucketDeg}`)
    points.forEach((p, i) => {
      const key = this.key(Math.floor(p[0] / bucketDeg), Math.floor(p[1] / bucketDeg))
      const list = this.buckets.get(key)
      if (list) list.push(i)
      else this.buckets.set(key, [i])
    })
  }

  private key(x: number, y: number): number {
    return (x + 4096) * 8192 + (y + 4096)
  }

  /** Indices of the points within radiusKm (great-circle) of at, in ascending order. */
  within(at: Position, radiusKm: number): number[] {
    const dLat = radiusKm / KM_PER_DEG
    // widest longitude reach of the cap: at its most poleward latitude, with a 1% margin
    const poleward = Math.min(89, Math.abs(at[1]) + dLat)
    const dLng = Math.min(180, (dLat / Math.cos((poleward * Math.PI) / 180)) * 1.01)
    const b = this.bucketDeg
    const out: number[] = []
    for (let x = Math.floor((at[0] - dLng) / b); x <= Math.floor((at[0] + dLng) / b); x++) {
      for (let y = Math.floor((at[1] - dLat * 1.01) / b); y <= Math.floor((at[1] + dLat * 1.01) / b); y++) {
        const list = this.buckets.get(this.key(x, y))
        if (!list) continue
        for (const i of list) if (distanceKm(at, this.points[i]) <= radiusKm) out.push(i)
      }
    }
    return out.sort((p, q) => p - q)
  }
}

/** Bucket size in degrees for queries of radiusKm around latitude maxAbsLat. */
export function bucketDegFor(radiusKm: number, maxAbsLat: number): number {
  return Math.max(0.05, radiusKm / KM_PER_DEG / Math.cos((Math.min(80, maxAbsLat) * Math.PI) / 180))
}
