import { describe, expect, it } from 'vitest'
import { fontFaceCss, fontFaces } from './fonts.ts'

describe('fontFaces', () => {
  it('gives the map and the page the same files', () => {
    const mapPaths = Object.values(fontFaces('')).flatMap((faces) => (faces as { url: string }[]).map((face) => face.url))
    const cssPaths = [...fontFaceCss().matchAll(/url\('([^']+)'\)/g)].map((match) => match[1])
    expect(cssPaths.sort()).toEqual(mapPaths.sort())
  })

  it('serves Arabic labels from the Arabic file only', () => {
    const regular = fontFaces('')['Noto Sans Regular'] as { url: string; 'unicode-range': string[] }[]
    const covering0627 = regular.filter((face) => face['unicode-range'].some((range) => range === 'U+0600-06FF'))
    expect(covering0627.map((face) => face.url)).toEqual(['/fonts/noto-sans-arabic/noto-sans-arabic-arabic-400-normal.woff2'])
  })
})

describe('fontFaceCss', () => {
  it('declares six faces, regular and bold for each subset', () => {
    const css = fontFaceCss()
    expect(css.match(/@font-face/g)).toHaveLength(6)
    expect(css).toContain("font-family: 'Noto Sans Arabic';\n  font-style: normal;\n  font-weight: 700;")
  })
})
