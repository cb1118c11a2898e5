import { describe, expect, it } from 'vitest'
import { hotspotRes } from './zoom-res.ts'

describe('hotspotRes', () => {
  it('follows the zoom as the service picks tile resolutions', () => {
    expect(hotspotRes(3, null)).toBe(3)
    expect(hotspotRes(5.9, null)).toBe(3)
    expect(hotspotRes(6, null)).toBe(4)
    expect(hotspotRes(8.4, null)).toBe(5)
    expect(hotspotRes(11, null)).toBe(7)
  })

  it('stays within 3..8 at the extremes', () => {
    expect(hotspotRes(0, null)).toBe(3)
    expect(hotspotRes(16, null)).toBe(8)
  })

  it('keeps a pinned resolution at any zoom', () => {
    expect(hotspotRes(3, 7)).toBe(7)
    expect(hotspotRes(14, 4)).toBe(4)
  })
})
