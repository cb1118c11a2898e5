import { describe, expect, it } from 'vitest'
import { DEFAULT_MAP_STATE, parseMapState } from '../../../shared/map-state.ts'
import { embedSnippet, escapeAttribute, exportLinks, staticPngUrl } from './share-links.ts'

describe('embedSnippet', () => {
  it('writes an iframe of the saved view with its size and title', () => {
    expect(embedSnippet({ origin: 'https://maps.example.org', viewId: 'AbC123xyz_', widthPx: 800, heightPx: 500, title: 'Routes 2024' })).toBe(
      '<iframe src="https://maps.example.org/embed/AbC123xyz_" width="800" height="500" title="Routes 2024" ' +
      'style="border:0" loading="lazy" referrerpolicy="no-referrer-when-downgrade"></iframe>',
    )
  })

  it('frames the tokened embed address the service gave, its & escaped', () => {
    const snippet = embedSnippet({ origin: 'https://maps.example.org', viewId: 'AbC123xyz_', widthPx: 800, heightPx: 500, title: 'T', embedUrl: '/embed/AbC123xyz_?token=emb_eyJ2.c2ln&x=1' })
    expect(snippet).toMatch(/^<iframe src="https:\/\/maps\.example\.org\/embed\/AbC123xyz_\?token=emb_eyJ2\.c2ln&amp;x=1" width="800"/)
  })

  it('escapes a title that would close the attribute or open a tag', () => {
    const snippet = embedSnippet({ origin: 'http://127.0.0.1:3123', viewId: 'x', widthPx: 640.4, heightPx: 400, title: 'A "quoted" <b>&</b>' })
    expect(snippet).toContain('title="A &quot;quoted&quot; &lt;b&gt;&amp;&lt;/b&gt;"')
    expect(snippet).toContain('width="640"')
  })

  it('keeps Arabic titles as they are', () => {
    expect(escapeAttribute('مسارات الهجرة')).toBe('مسارات الهجرة')
  })
})

describe('staticPngUrl', () => {
  it('carries the state and the size in pixels', () => {
    const state = parseMapState({ bbox: '-5,10,20,30', lang: 'fr' })
    expect(staticPngUrl(state, 1600.2, 1000)).toBe('/api/maps/static.png?v=1&bbox=-5%2C10%2C20%2C30&lang=fr&width=1600&height=1000')
  })
})

describe('exportLinks', () => {
  it('offers routes in three formats for the default state', () => {
    expect(exportLinks(DEFAULT_MAP_STATE).map((l) => l.href)).toEqual([
      '/api/exports/routes.geojson?v=1&bbox=-18%2C8%2C38%2C36',
      '/api/exports/routes.csv?v=1&bbox=-18%2C8%2C38%2C36',
      '/api/exports/routes.kml?v=1&bbox=-18%2C8%2C38%2C36',
    ])
  })

  it('adds incidents and hotspots when their layers are drawn, and the plan only with a plan id', () => {
    const withLayers = parseMapState({ layers: 'routes,incidents,hotspots,plan' })
    expect([...new Set(exportLinks(withLayers).map((l) => l.dataset))]).toEqual(['routes', 'incidents', 'hotspots'])
    const withPlan = parseMapState({ layers: 'routes,plan', plan: 'p_12' })
    expect([...new Set(exportLinks(withPlan).map((l) => l.dataset))]).toEqual(['routes', 'plan'])
  })

  it('passes the filters to every export', () => {
    const state = parseMapState({ kinds: 'drugs', from: '2020-01-01' })
    for (const link of exportLinks(state)) expect(new URL(link.href, 'http://x').searchParams.get('kinds')).toBe('drugs')
  })
})
