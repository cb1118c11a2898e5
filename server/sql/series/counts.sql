-- Returns incident counts per time bin and split key for the incident filters: {bin (first day of
-- the month or quarter, YYYY-MM-DD; NULL for year-precise dates, which no month or quarter holds),
-- key, label, n, dead, missing (sums, NULL counted as 0), casualties (incidents whose dead or missing
-- is known), dead_known, missing_known (incidents whose dead, whose missing is known)}. Filters as in incidents/list.sql: bbox $1..$4 (west, south, east, north), dates
-- $5..$6 (inclusive), threats $7, datasets $8, route families $9. $10: 'month' or 'quarter'.
-- $11 the split: 'threat'; 'family' (the incident's route family, as the route_family filter reads
-- it; NULL = unassigned); 'origin' (the member state whose partner instance sent it over the
-- exchange; NULL = made here); 'none'. The split by country is series/counts-by-country.sql.
-- $12 a catalogue route id: only incidents within $13 km (geodesic) of its line, densified to
-- edges of at most $14 degrees before it becomes geography (server/geo/densify.ts). $15: the
-- language of country labels (en, fr, ar). Row-level security keeps what the reader may not see out.
WITH r AS (
  SELECT geom, ST_Segmentize(geom, $14::float8)::geography AS line,
         -- degrees of longitude that $13 km spans at the route's highest latitude: an index-friendly prefilter
         $13::float8 / (111.32 * cos(radians(least(80, greatest(abs(ST_YMin(geom)), abs(ST_YMax(geom))))))) AS reach_deg
  FROM routes
  WHERE id = $12::text AND deleted_at IS NULL
),
hits AS (
  SELECT CASE WHEN i.date_precision = 'year' THEN NULL ELSE date_trunc($10::text, i.occurred_on)::date END AS bin,
         CASE $11::text WHEN 'threat' THEN i.threat WHEN 'family' THEN i.route_family WHEN 'origin' THEN i.origin_state
                        ELSE 'all' END AS key,
         i.dead, i.missing
  FROM incidents i
  WHERE ($1::float8 IS NULL OR i.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
    AND ($5::date IS NULL OR i.occurred_on >= $5)
    AND ($6::date IS NULL OR i.occurred_on <= $6)
    AND ($7::text[] IS NULL OR i.threat = ANY ($7))
    AND ($8::text[] IS NULL OR i.source_dataset = ANY ($8))
    AND ($9::text[] IS NULL OR i.route_family = ANY ($9))
    AND ($12::text IS NULL OR EXISTS (
      SELECT 1 FROM r WHERE i.geom && ST_Expand(r.geom, r.reach_deg) AND ST_DWithin(r.line, i.geom::geography, $13::float8 * 1000)))
)
SELECT to_char(h.bin, 'YYYY-MM-DD') AS bin, h.key,
       COALESCE(CASE $15::text WHEN 'fr' THEN c.name_fr WHEN 'ar' THEN c.name_ar ELSE c.name_en END, h.key) AS label,
       count(*)::int AS n, COALESCE(sum(h.dead), 0)::int AS dead, COALESCE(sum(h.missing), 0)::int AS missing,
       count(*) FILTER (WHERE h.dead IS NOT NULL OR h.missing IS NOT NULL)::int AS casualties,
       count(h.dead)::int AS dead_known, count(h.missing)::int AS missing_known
FROM hits h
LEFT JOIN countries c ON $11::text = 'origin' AND c.iso3 = h.key
GROUP BY 1, 2, 3
ORDER BY 1, 2
