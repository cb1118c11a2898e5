// Incidents of a bundle as PostgreSQL COPY text lines for the merge's staging table, in the
// column order of sql/exchange/create-incident-staging.sql (both drivers).
import { copyValue } from '../import/encode.ts'

/** An incident line of a bundle, parsed (server/sql/exchange/export-incidents.sql writes them). */
export interface IncidentLine {
  o: string
  id: string
  v: number
  state: string
  agency: string
  sharing: string
  partners: string[]
  imp: string
  dataset: string
  source_id: string
  date: string
  date_precision: string
  threat: string
  lng: number
  lat: number
  geo_precision: number | null
  dead: number | null
  missing: number | null
  dead_missing: number | null
  survivors: number | null
  quantity: number | null
  route: string | null
  route_family: string | null
  attrs: unknown
  h3: string[]
}

/**
 * One COPY line. importId: the local import of its origin import, else the bundle's; agencyId:
 * the local agency standing for its origin agency. Partners are member-state codes (checked
 * before), so the array literal needs no quoting.
 */
export function incidentCopyLine(r: IncidentLine, importId: number, agencyId: number): string {
  return (
    [
      copyValue(r.dataset),
      copyValue(r.source_id),
      importId,
      copyValue(r.date),
      copyValue(r.date_precision),
      copyValue(r.threat),
      `SRID=4326;POINT(${Number(r.lng)} ${Number(r.lat)})`,
      copyValue(r.geo_precision),
      copyValue(r.dead),
      copyValue(r.missing),
      copyValue(r.dead_missing),
      copyValue(r.survivors),
      copyValue(r.quantity),
      copyValue(r.route),
      copyValue(r.route_family),
      copyValue(r.attrs ?? {}),
      ...r.h3.slice(0, 7).map((c) => copyValue(c)),
      agencyId,
      copyValue(r.state),
      copyValue(r.sharing),
      `{${r.partners.join(',')}}`,
      copyValue(r.o),
      copyValue(r.id),
      copyValue(r.v),
      copyValue(r.state),
      copyValue(r.agency),
    ].join('\t') + '\n'
  )
}
