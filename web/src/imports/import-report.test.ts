import { describe, expect, it } from 'vitest'
import { hotspotStrings } from '../hotspots/strings.ts'
import { formatBytes, progressText, reportHeading, reportRows, shownRejections, type ImportReport } from './import-report.ts'

const en = hotspotStrings('en')
const report: ImportReport = {
  id: 3, file_name: 'x.csv', format: 'csv', source_dataset: 'x', credit: 'x.csv (user import)', status: 'completed',
  rows_read: 1234, inserted: 1200, updated: 4, unchanged: 0, rejected: 30, error: null,
  rejections: Array.from({ length: 30 }, (_, i) => ({ line: i + 2, field: 'latitude', reason: 'not a number' })),
}

describe('import report', () => {
  it('lists the row counts with grouping in the UI language', () => {
    expect(reportRows(report, en, 'en')).toEqual([['Rows read', '1,234'], ['Inserted', '1,200'], ['Updated', '4'], ['Unchanged', '0'], ['Rejected', '30']])
    expect(reportRows(report, hotspotStrings('fr'), 'fr')[0]).toEqual(['Lignes lues', '1\u202f234'])
  })

  it('shows the first 20 rejected rows and says how many there are', () => {
    const shown = shownRejections(report, en)!
    expect(shown.rows).toHaveLength(20)
    expect(shown.rows[0]).toEqual({ line: 2, field: 'latitude', reason: 'not a number' })
    expect(shown.title).toBe('First 20 of 30 rejected rows')
    expect(shownRejections({ ...report, rejected: 0, rejections: [] }, en)).toBeNull()
  })

  it('says when the same file was imported before', () => {
    expect(reportHeading({ ...report, noop: true }, en)).toBe('This file was already imported: nothing changed.')
    expect(reportHeading({ ...report, status: 'failed', error: 'no header' }, en)).toBe('The import failed — no header')
  })
})

describe('upload progress', () => {
  it('formats bytes in decimal units', () => {
    expect(formatBytes(532, 'en')).toBe('532 B')
    expect(formatBytes(12_500, 'en')).toBe('12.5 kB')
    expect(formatBytes(3_400_000, 'en')).toBe('3.4 MB')
  })

  it('gives the percentage sent and the sizes', () => {
    expect(progressText(1_700_000, 3_400_000, en, 'en')).toBe('Uploading… 50% (1.7 MB of 3.4 MB)')
    expect(progressText(0, 0, en, 'en')).toBe('Uploading… 0% (0 B of 0 B)')
  })
})
