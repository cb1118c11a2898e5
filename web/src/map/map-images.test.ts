import { describe, expect, it } from 'vitest'
import { placeDotImage, routeArrowImage } from './map-images.ts'

/** The SDF value (alpha, 0-255) at device pixel (x, y). */
function alphaAt(image: { width: number; data: Uint8ClampedArray }, x: number, y: number): number {
  return image.data[(y * image.width + x) * 4 + 3]
}

const EDGE = 0.75 * 255

describe('placeDotImage', () => {
  it('is inside the shape at its centre and outside at its corner', () => {
    const dot = placeDotImage()
    expect(dot.data.length).toBe(24 * 24 * 4)
    expect(alphaAt(dot, 12, 12)).toBeGreaterThan(EDGE)
    expect(alphaAt(dot, 0, 0)).toBeLessThan(EDGE)
  })
})

describe('routeArrowImage', () => {
  it('covers the tip on the right and leaves the notch of the chevron empty', () => {
    const arrow = routeArrowImage()
    expect(alphaAt(arrow, 20, 16)).toBeGreaterThan(EDGE)
    expect(alphaAt(arrow, 8, 16)).toBeLessThan(EDGE)
  })

  it('is symmetric about the line it travels along', () => {
    const arrow = routeArrowImage()
    expect(alphaAt(arrow, 14, 9)).toBe(alphaAt(arrow, 14, 22))
  })
})
