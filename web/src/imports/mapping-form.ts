// The mapping step's state, apart from the DOM: the answer of POST /api/imports/preview, the
// fields the user changed, and the options an upload then sends. Pure, so it is tested alone.

import type { ImportPreview, MappedField } from '../../../shared/import-formats.ts'

export type { ImportPreview }

/** The fields the dialog offers, in its order. */
export const FORM_FIELDS = ['lat', 'lng', 'coordinates', 'date', 'category', 'id', 'dead', 'missing'] as const satisfies readonly MappedField[]

export interface MappingChoice {
  /** column per field ('' = none) */
  columns: Partial<Record<MappedField, string>>
  order: 'latlng' | 'lnglat'
  dateOrder: 'mdy' | 'dmy'
  threat: string
  dataset: string
  credit: string
}

/** The choice a preview starts the form with: what the server detected. */
export function initialChoice(p: ImportPreview): MappingChoice {
  const columns: Partial<Record<MappedField, string>> = {}
  for (const f of FORM_FIELDS) columns[f] = p.mapping.fields[f] ?? ''
  return { columns, order: p.mapping.fields.order ?? 'latlng', dateOrder: p.mapping.fields.date_order ?? 'mdy', threat: p.threat ?? '', dataset: '', credit: '' }
}

/**
 * The upload fields for a choice: the mapping (JSON, as column names may hold commas) only when
 * the user changed a column or an order from what was detected, so that an unchanged known file
 * is not saved as a user mapping; threat, dataset and credit when set.
 */
export function uploadFields(p: ImportPreview, choice: MappingChoice): Record<string, string> {
  const start = initialChoice(p)
  const changed = FORM_FIELDS.some((f) => (choice.columns[f] ?? '') !== (start.columns[f] ?? '')) || choice.order !== start.order || choice.dateOrder !== start.dateOrder
  const out: Record<string, string> = {}
  if (changed) {
    const mapping: Record<string, string> = {}
    for (const f of FORM_FIELDS) if (choice.columns[f]) mapping[f] = choice.columns[f]!
    if (choice.columns.coordinates) mapping.order = choice.order
    mapping.date_order = choice.dateOrder
    out.mapping = JSON.stringify(mapping)
  }
  if (choice.threat) out.threat = choice.threat
  if (choice.dataset.trim()) out.dataset = choice.dataset.trim()
  if (choice.credit.trim()) out.credit = choice.credit.trim()
  return out
}
