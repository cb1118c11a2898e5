import { describe, expect, it } from 'vitest'
import { DEFAULT_MAP_STATE, parseMapState } from '../../../shared/map-state.ts'
import { defaultPeriod, reportBody, reportFileName } from './report-request.ts'

describe('report request', () => {
  it('starts from the state’s time range, else the twelve months up to today', () => {
    expect(defaultPeriod(parseMapState({ from: '2023-01-01', to: '2023-06-30' }), '2026-12-06')).toEqual({ from: '2023-01-01', to: '2023-06-30' })
    expect(defaultPeriod(DEFAULT_MAP_STATE, '2026-12-06')).toEqual({ from: '2025-12-07', to: '2026-12-06' })
  })

  it('sends the state as its URL parameters, the sections in report order and no empty title', () => {
    const state = parseMapState({ bbox: '-6,12,26,28', layers: 'routes,hotspots', from: '2020-01-01', title: 'Map', lang: 'fr' })
    const body = reportBody(state, { from: '2023-01-01', to: '2023-12-31', title: '  ', language: 'ar', orientation: 'landscape', sections: ['plan', 'map'] })
    expect(body).toEqual({
      state: { v: '1', bbox: '-6,12,26,28', layers: 'routes,hotspots', lang: 'fr' },
      period: { from: '2023-01-01', to: '2023-12-31' },
      language: 'ar',
      orientation: 'landscape',
      sections: ['map', 'plan'],
      format: 'pdf',
    })
  })

  it('names the file as the service does', () => {
    const c = { from: '2023-01-01', to: '2023-12-31', title: '', language: 'en' as const, orientation: 'portrait' as const, sections: [] }
    expect(reportFileName('attachment; filename="report-2023-01-01-2023-12-31-en.pdf"', c)).toBe('report-2023-01-01-2023-12-31-en.pdf')
    expect(reportFileName(null, c)).toBe('report-2023-01-01-2023-12-31-en.pdf')
  })
})
