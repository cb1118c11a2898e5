// Incident rows in the two wire forms the database takes: JSON arrays for the batched INSERT
// (both drivers) and PostgreSQL COPY text lines (server driver).
import { storedCells } from '../../shared/h3-cells.ts'
import type { ParsedIncident } from '../geo/incident-parse/types.ts'
import type { RecordOwner } from '../../shared/access.ts'

/** The columns of sql/incidents/upsert-batch.sql, in order, cells as decimal text. */
export function jsonRow(i: ParsedIncident): unknown[] {
  return [
    i.sourceId,
    i.date,
    i.datePrecision,
    i.threat,
    i.lng,
    i.lat,
    i.geoPrecision,
    i.dead,
    i.missing,
    i.deadMissing,
    i.survivors,
    i.quantity,
    i.route,
    i.routeFamily,
    i.attrs,
    ...storedCells(i.lng, i.lat),
  ]
}

/** Escapes a value for COPY text format: backslash, tab, newline and carriage return; null as \N. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N'
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v)
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s
}

/**
 * One COPY text line in the column order of sql/incidents/copy-staging.sql; prefix holds the
 * leading columns of copy-direct.sql (dataset, import id) when copying straight into incidents.
 */
export function copyLine(i: ParsedIncident, prefix = ''): string {
  const cells = storedCells(i.lng, i.lat)
  return (
    prefix +
    [
      copyValue(i.sourceId),
      i.date,
      i.datePrecision,
      copyValue(i.threat),
      `SRID=4326;POINT(${i.lng} ${i.lat})`,
      copyValue(i.geoPrecision),
      copyValue(i.dead),
      copyValue(i.missing),
      copyValue(i.deadMissing),
      copyValue(i.survivors),
      copyValue(i.quantity),
      copyValue(i.route),
      copyValue(i.routeFamily),
      copyValue(i.attrs),
      ...cells,
    ].join('\t') +
    '\n'
  )
}

/** The leading columns of sql/incidents/copy-direct.sql: dataset, import id, owner agency, owner state, sharing, partners. */
export function copyPrefix(dataset: string, importId: number, owner: RecordOwner): string {
  // partners are member-state codes (A-Z only): the array literal needs no quoting
  return [copyValue(dataset), importId, owner.agencyId, copyValue(owner.state), owner.sharing, `{${owner.partners.join(',')}}`].join('\t') + '\t'
}
