import { describe, expect, it } from 'vitest'
import { initialChoice, uploadFields, type ImportPreview } from './mapping-form.ts'

const preview: ImportPreview = {
  file_name: 'partner.csv', format: 'csv', header: ['Ref', 'Y_wgs84', 'X_wgs84', 'Jour', 'lat, lon'], delimiter: ';', rows: [],
  mapping: { schema: null, schema_label: 'CSV', fields: { id: 'Ref', order: 'latlng', date_order: 'mdy' }, date_form: null, notes: [], reused_from: null },
  problems: [{ field: 'lat', message: 'no latitude' }], dataset: 'partner', credit: 'partner.csv (user import)', threat: null,
  sample: { rows: 6, accepted: 0, rejected: 0, dead: 0, missing: 0, threats: {}, rejections: [] },
}

describe('the mapping form', () => {
  it('starts from what the server detected', () => {
    expect(initialChoice(preview)).toEqual({ columns: { lat: '', lng: '', coordinates: '', date: '', category: '', id: 'Ref', dead: '', missing: '' }, order: 'latlng', dateOrder: 'mdy', threat: '', dataset: '', credit: '' })
  })

  it('sends nothing but the defaults when no column was changed', () => {
    expect(uploadFields(preview, { ...initialChoice(preview), threat: 'drug_trafficking', dataset: ' dz-customs ' })).toEqual({ threat: 'drug_trafficking', dataset: 'dz-customs' })
  })

  it('sends the mapping as JSON when a column or the date order was changed, column names with commas intact', () => {
    const choice = initialChoice(preview)
    choice.columns.coordinates = 'lat, lon'
    choice.columns.date = 'Jour'
    choice.dateOrder = 'dmy'
    expect(JSON.parse(uploadFields(preview, choice).mapping)).toEqual({ coordinates: 'lat, lon', date: 'Jour', id: 'Ref', order: 'latlng', date_order: 'dmy' })
  })
})
