// The figure markers `npm run figures` rewrites in README.md and geodata/README.md (pure; no app).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readFigures, thousands, writeFigures } from '../scripts/figures/markers.ts'

const TEXT = 'Area **<!-- figure:zone-area-km2 -->4,128,708<!-- /figure --> km²**, <!-- figure:zone-vs-target -->3%<!-- /figure --> above.'

describe('figure markers', () => {
  it('reads the value between each pair of markers', () => {
    expect([...readFigures(TEXT)]).toEqual([['zone-area-km2', '4,128,708'], ['zone-vs-target', '3%']])
  })

  it('rewrites only the named figures and says which changed', () => {
    const { text, changed, missing } = writeFigures(TEXT, { 'zone-area-km2': '4,116,269', 'patrol-suite': '14' })
    expect(text).toBe('Area **<!-- figure:zone-area-km2 -->4,116,269<!-- /figure --> km²**, <!-- figure:zone-vs-target -->3%<!-- /figure --> above.')
    expect(changed).toEqual(['zone-area-km2'])
    expect(missing).toEqual(['patrol-suite'])
  })

  it('changes nothing when the figures already match', () => {
    const { text, changed } = writeFigures(TEXT, { 'zone-area-km2': '4,128,708', 'zone-vs-target': '3%' })
    expect(text).toBe(TEXT)
    expect(changed).toEqual([])
  })

  it('writes km² with thousands separators', () => {
    expect(thousands(4_116_268.6)).toBe('4,116,269')
  })

  it('finds the zone area marked in both READMEs, with the same value', () => {
    const readme = readFigures(readFileSync(new URL('../README.md', import.meta.url), 'utf8'))
    const geodata = readFigures(readFileSync(new URL('../geodata/README.md', import.meta.url), 'utf8'))
    expect(readme.get('zone-area-km2')).toMatch(/^\d{1,3}(,\d{3})+$/)
    expect(geodata.get('zone-area-km2')).toBe(readme.get('zone-area-km2'))
  })
})
