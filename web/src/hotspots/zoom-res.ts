// Which H3 resolution the hotspot layer shows: the one the service picks for the tiles at the
// map's zoom (a cell ~20–30 px across), unless the user pinned one (`hres` in the map state).

import { resolutionForZoom } from '../../../shared/h3-cells.ts'

/** Resolutions the hotspot endpoints accept. */
export const HOTSPOT_RESOLUTIONS = [3, 4, 5, 6, 7, 8] as const

/** Incident points (clustered) are drawn from this map zoom on. */
export const INCIDENT_MIN_ZOOM = 7

/**
 * The H3 resolution drawn at map zoom `zoom` (MapLibre asks for 512 px vector tiles at
 * floor(zoom), and the tile's z decides the service's resolution), or `pinned` when set.
 */
export function hotspotRes(zoom: number, pinned: number | null): number {
  if (pinned !== null) return pinned
  return resolutionForZoom(Math.max(0, Math.floor(zoom)))
}
