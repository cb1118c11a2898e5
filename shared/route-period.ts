// Whether a route's period (valid_from..valid_to) overlaps a time range: the one rule the map's
// layer filter (web/src/map/route-groups.ts), the sidebar list and the SQL (`routes/list.sql`) apply.

/** True when the period [validFrom, validTo] overlaps [time.from, time.to]; ISO dates, null or '' = open. */
export function routeInPeriod(
  route: { valid_from?: string | null; valid_to?: string | null },
  time: { from: string | null; to: string | null },
): boolean {
  const from = route.valid_from || null
  const to = route.valid_to || null
  if (time.from && to && to < time.from) return false
  if (time.to && from && from > time.to) return false
  return true
}
