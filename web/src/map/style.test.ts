import { describe, expect, it } from 'vitest'
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { buildStyle } from './style.ts'

const ORIGIN = 'http://127.0.0.1:3123'

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

describe('buildStyle', () => {
  const style = buildStyle(ORIGIN, 'en')

  it('stacks the basemap and analysis areas, then routes, then labels, waypoints, sketch and markers', () => {
    expect(style.layers.map((layer) => layer.id)).toEqual([
      'background', 'graticule', 'countries-fill', 'countries-outline', 'borders',
      'corridor-fill', 'corridor-outline', 'border-highlight-glow', 'border-highlight-line',
      'routes-casing', 'routes-line', 'routes-arrows', 'routes-hit',
      'places-minor', 'places-major', 'country-labels',
      'waypoints-circle', 'waypoints-label',
      'sketch-casing', 'sketch-line', 'sketch-rubber', 'sketch-vertex',
      'crossings-circle', 'crossings-label',
    ])
  })

  it('passes the style specification validator', () => {
    expect(validateStyleMin(style)).toEqual([])
  })

  it('names no glyph server and no sprite', () => {
    expect(style.glyphs).toBeUndefined()
    expect(style.sprite).toBeUndefined()
  })

  it('points every URL at the service origin', () => {
    const urls = strings(style).filter((s) => /^[a-z]+:\/\//i.test(s))
    expect(urls.length).toBeGreaterThan(0)
    expect(urls.filter((url) => !url.startsWith(`${ORIGIN}/`))).toEqual([])
  })

  it('reads each vector tile layer from the tile endpoint of the same name', () => {
    expect(style.sources.countries).toMatchObject({ type: 'vector', tiles: [`${ORIGIN}/tiles/countries/{z}/{x}/{y}.mvt`], maxzoom: 14 })
    const sourceLayers = style.layers.flatMap((layer) => ('source-layer' in layer ? [[layer.source, layer['source-layer']]] : []))
    for (const [source, sourceLayer] of sourceLayers) expect(sourceLayer).toBe(source)
  })

  it('declares a regular and a bold font, each with Latin and Arabic files', () => {
    const faces = style['font-faces'] as Record<string, { url: string }[]>
    expect(Object.keys(faces)).toEqual(['Noto Sans Regular', 'Noto Sans Bold'])
    expect(faces['Noto Sans Bold'].map((face) => face.url)).toEqual([
      `${ORIGIN}/fonts/noto-sans/noto-sans-latin-700-normal.woff2`,
      `${ORIGIN}/fonts/noto-sans/noto-sans-latin-ext-700-normal.woff2`,
      `${ORIGIN}/fonts/noto-sans-arabic/noto-sans-arabic-arabic-700-normal.woff2`,
    ])
  })

  it('shows towns of rank 2 only from zoom 7', () => {
    const minor = style.layers.find((layer) => layer.id === 'places-minor')
    expect(minor).toMatchObject({ minzoom: 7, filter: ['>=', ['get', 'rank'], 2] })
  })
})
