import { geoArea } from 'd3-geo'
import { describe, expect, it } from 'vitest'
import { parseMapState } from '../../../shared/map-state.ts'
import { niceBelow } from './furniture.ts'
import { countBreaks, cellFill } from './overlays.ts'
import { densifyRing, fitProjection, rewindForD3, viewBbox } from './projection.ts'
import { renderStaticMap, staticMapFrame, type StaticMapData } from './render.ts'
import { escapeXml, textEl } from './svg.ts'

const square = { type: 'MultiPolygon' as const, coordinates: [[[[0, 10], [10, 10], [10, 20], [0, 20], [0, 10]]]] }
const DATA: StaticMapData = {
  countries: [{ iso3: 'NER', name_en: 'Niger', name_fr: 'Niger', name_ar: 'النيجر', member: true, geometry: square }],
  routes: [{ id: 'r1', family: 'central', kind: 'migration', confidence: 'high', geometry: { type: 'LineString', coordinates: [[1, 11], [9, 19]] } }],
  hotspots: { res: 4, cells: [{ h3: '84580b7ffffffff', value: 3 }] },
  incidentCredits: [{ dataset: 'synthetic-demo', credit: 'synthetic demo data' }],
}
const frame = (params: Record<string, string>, title: string | null = 'Niger <&> "test"') =>
  staticMapFrame({ state: parseMapState({ bbox: '-2,8,12,22', ...params }), widthPx: 800, heightPx: 500, title, subtitle: null, banner: 'RESTRICTED', date: '2024-03-07' })

describe('renderStaticMap', () => {
  it('gives the same string for the same input', () => {
    const f = frame({ layers: 'routes,hotspots' })
    expect(renderStaticMap(f, DATA).svg).toBe(renderStaticMap(frame({ layers: 'routes,hotspots' }), DATA).svg)
  })

  it('lists in the legend only the layers it drew, in drawing order', () => {
    const map = renderStaticMap(frame({ layers: 'routes,hotspots,incidents,plan' }), DATA)
    expect(map.layers).toEqual(['hotspots', 'routes'])
    expect([...new Set(map.legend.map((e) => e.layer))]).toEqual(['hotspots', 'routes'])
    expect(map.legend.find((e) => e.layer === 'routes')?.label).toBe('Central route')
  })

  it('widens a route by its share of the year\'s largest flow and names the year in the legend', () => {
    const wide = { ...DATA, routes: [{ ...DATA.routes![0], flowShare: 0.5 }], flowYear: 2024 }
    const map = renderStaticMap(frame({ layers: 'routes' }), wide)
    // 2.4 units plus half of the 6 extra at the largest flow; u = 1 at 800 px wide
    const width = Number(/data-route="r1"[^>]*stroke-width="([\d.]+)"/.exec(map.svg)?.[1])
    const u = width / (2.4 + 3)
    expect(u).toBeGreaterThan(0.5)
    expect(map.legend.map((e) => e.label)).toContain('Width: Frontex detections, 2024')
    expect(renderStaticMap(frame({ layers: 'routes', lang: 'ar' }), wide).legend.map((e) => e.label)).toContain('السماكة: حالات رصد فرونتكس، 2024')
    // without a figure for the year the line keeps the group's width and the legend says nothing of flows
    const plain = renderStaticMap(frame({ layers: 'routes' }), { ...DATA, flowYear: 2024 })
    expect(/data-route="r1"[^>]*stroke-width=/.test(plain.svg)).toBe(false)
    expect(plain.legend.some((e) => e.label.includes('Frontex'))).toBe(false)
  })

  it('credits what is drawn, translated', () => {
    expect(renderStaticMap(frame({ layers: 'routes' }), DATA).credits).toEqual(['Natural Earth', 'Sahel Routes route catalogue'])
    expect(renderStaticMap(frame({ layers: 'hotspots', lang: 'fr' }), DATA).credits).toEqual(['Natural Earth', 'données de démonstration synthétiques'])
  })

  it('escapes the title and names the country in the language of the state', () => {
    const svg = renderStaticMap(frame({ lang: 'ar', layers: 'routes' }), DATA).svg
    expect(svg).toContain('<title>Niger &lt;&amp;&gt; &quot;test&quot;</title>')
    expect(svg).toContain('\u202Bالنيجر\u202C')
    expect(svg).toContain('xml:lang="ar"')
  })
})

describe('projection', () => {
  it('fits a bbox view inside the map rectangle', () => {
    const p = fitProjection({ bbox: [0, 10, 10, 20] }, { x: 0, y: 0, width: 400, height: 400 })
    const [x0, y0] = p([0, 20])!
    const [x1, y1] = p([10, 10])!
    expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(-0.01)
    expect(Math.max(x1, y1)).toBeLessThanOrEqual(400.01)
    expect(Math.max(x1 - x0, y1 - y0)).toBeCloseTo(400, 0)
  })

  it('shows 360° across 512 px at zoom 0, as MapLibre does', () => {
    const [w, , e] = viewBbox({ center: [0, 0], zoom: 0 }, 256, 256)
    expect(e - w).toBeCloseTo(180, 6)
  })

  it('rewinds RFC 7946 rings for d3 and densifies long edges', () => {
    expect(geoArea(rewindForD3(square))).toBeLessThan(0.1)
    expect(densifyRing([[0, 15], [10, 15]])).toHaveLength(21)
  })
})

describe('furniture and classes', () => {
  it('rounds scale bar lengths down to 1, 2 or 5 × 10^k', () => {
    expect([niceBelow(730), niceBelow(199), niceBelow(5), niceBelow(0.37)]).toEqual([500, 100, 5, 0.2])
  })

  it('breaks counts into at most 5 increasing classes', () => {
    expect(countBreaks(70)).toEqual([2, 5, 13, 30, 70])
    expect(countBreaks(1)).toEqual([1])
    expect(cellFill({ h3: 'x', value: 1 }, [1])).toBe('#a50f15')
  })

  it('escapes every text written', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;')
    expect(textEl('a\u0001b', { x: 0, y: 0, sizePx: 10, lang: 'en' })).toContain('>ab</text>')
  })
})
