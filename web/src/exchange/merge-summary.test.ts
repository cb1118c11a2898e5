import { describe, expect, it } from 'vitest'
import { mergeSummary, type MergeReport } from './merge-summary.ts'
import { exchangeStrings } from './strings.ts'

const zero = { received: 0, inserted: 0, updated: 0, deleted: 0 }
const report: MergeReport = {
  bundle_id: 'b', partner: 'niger', sequence: 7, noop: false, import_id: 3,
  counts: { incidents: { received: 1200, inserted: 1100, updated: 99, deleted: 1 }, routes: { received: 1, inserted: 1, updated: 0, deleted: 0 }, plans: zero, imports: zero },
}

describe('merge summary', () => {
  it('lists what each kind of record brought, skipping kinds with nothing', () => {
    expect(mergeSummary(report, exchangeStrings('en'), 'en')).toEqual([
      'Bundle 7 from niger merged.',
      'incidents: 1,100 new, 99 updated, 1 deleted',
      'routes: 1 new, 0 updated, 0 deleted',
    ])
  })

  it('says a bundle merged before changed nothing, in each language', () => {
    const noop = { ...report, noop: true }
    expect(mergeSummary(noop, exchangeStrings('en'), 'en')).toEqual(['Bundle 7 from niger was already merged: nothing changed.'])
    expect(mergeSummary(noop, exchangeStrings('fr'), 'fr')).toEqual(['Le paquet 7 de niger était déjà fusionné : rien n’a changé.'])
    expect(mergeSummary(noop, exchangeStrings('ar'), 'ar')).toEqual(['الحزمة 7 من niger مدمجة من قبل: لم يتغير شيء.'])
  })

  it('has the same keys in English, French and Arabic', () => {
    const keys = (l: 'en' | 'fr' | 'ar') => Object.keys(exchangeStrings(l)).sort()
    expect(keys('fr')).toEqual(keys('en'))
    expect(keys('ar')).toEqual(keys('en'))
  })
})
