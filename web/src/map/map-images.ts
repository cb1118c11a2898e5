// Icons drawn in code instead of loaded from a sprite: signed distance fields, so the style can
// colour them (`icon-color`) and halo them like text. Encoding follows MapLibre's SDF shader:
// the alpha channel is 0.75 on the shape's edge and falls by 1/8 per CSS pixel outwards.

import { PLACE_DOT_IMAGE } from './basemap-layers.ts'

/** An RGBA image MapLibre's `addImage` accepts. */
export interface SdfImage {
  width: number
  height: number
  data: Uint8ClampedArray
}

/** The image ids this module provides; the arrow points along +x, the direction of travel. */
export const ROUTE_ARROW_IMAGE = 'route-arrow'

/** Device pixels per CSS pixel the icons are drawn at. */
export const ICON_PIXEL_RATIO = 2

type Point = [number, number]

/** Distance from p to the segment a-b, in the units of the points. */
function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0]
  const dy = b[1] - a[1]
  const lengthSq = dx * dx + dy * dy
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq))
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy))
}

/** Rasterises a signed distance (device px, negative inside) into an SDF image. */
function rasterise(width: number, height: number, signedDistancePx: (x: number, y: number) => number): SdfImage {
  const data = new Uint8ClampedArray(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const distanceCssPx = signedDistancePx(x + 0.5, y + 0.5) / ICON_PIXEL_RATIO
      const i = (y * width + x) * 4
      data[i] = data[i + 1] = data[i + 2] = 255
      data[i + 3] = Math.round(255 * (0.75 - distanceCssPx / 8))
    }
  }
  return { width, height, data }
}

/** A chevron pointing along +x, 32 device px square (16 CSS px), arms 5 device px thick. */
export function routeArrowImage(): SdfImage {
  const tip: Point = [21, 16]
  const top: Point = [11, 6]
  const bottom: Point = [11, 26]
  const halfThicknessPx = 2.5
  return rasterise(32, 32, (x, y) =>
    Math.min(distanceToSegment([x, y], top, tip), distanceToSegment([x, y], tip, bottom)) - halfThicknessPx,
  )
}

/** A filled disc, 24 device px square (12 CSS px), radius 7 device px. */
export function placeDotImage(): SdfImage {
  const radiusPx = 7
  return rasterise(24, 24, (x, y) => Math.hypot(x - 12, y - 12) - radiusPx)
}

/** Every generated image by id, for the map's `styleimagemissing` handler. */
export const MAP_IMAGES: Readonly<Record<string, () => SdfImage>> = {
  [ROUTE_ARROW_IMAGE]: routeArrowImage,
  [PLACE_DOT_IMAGE]: placeDotImage,
}
