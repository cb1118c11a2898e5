-- Returns what series/counts.sql returns for its split 'country' ({bin, key, label, n, dead,
-- missing, casualties, dead_known, missing_known}; key: the member or neighbouring state whose land
-- holds the point, the first by ISO3 on a shared border; NULL = at sea or outside every country),
-- placing squares of the grid instead of each incident: every incident falls in a square of 1/$10
-- degree (a power of two, so the square of a point is exact in floating point); a square that no
-- country touches is at sea, a square that one country covers and no other touches is that
-- country's, and only the incidents of the other squares (along borders and coasts) are placed
-- one by one, as counts.sql places them all. Filters as in counts.sql: bbox $1..$4, dates $5..$6,
-- threats $7, datasets $8, route families $9; $11 'month' or 'quarter'; $12 a catalogue route id,
-- $13 its corridor km, $14 the densify step in degrees; $15 the language of labels (en, fr, ar).
-- Row-level security keeps what the reader may not see out.
WITH r AS (
  SELECT geom, ST_Segmentize(geom, $14::float8)::geography AS line,
         -- degrees of longitude that $13 km spans at the route's highest latitude: an index-friendly prefilter
         $13::float8 / (111.32 * cos(radians(least(80, greatest(abs(ST_YMin(geom)), abs(ST_YMax(geom))))))) AS reach_deg
  FROM routes
  WHERE id = $12::text AND deleted_at IS NULL
),
hits AS MATERIALIZED (
  SELECT CASE WHEN i.date_precision = 'year' THEN NULL ELSE date_trunc($11::text, i.occurred_on)::date END AS bin,
         floor(ST_X(i.geom) * $10::float8) AS gx, floor(ST_Y(i.geom) * $10::float8) AS gy,
         i.geom, i.dead, i.missing
  FROM incidents i
  WHERE ($1::float8 IS NULL OR i.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
    AND ($5::date IS NULL OR i.occurred_on >= $5)
    AND ($6::date IS NULL OR i.occurred_on <= $6)
    AND ($7::text[] IS NULL OR i.threat = ANY ($7))
    AND ($8::text[] IS NULL OR i.source_dataset = ANY ($8))
    AND ($9::text[] IS NULL OR i.route_family = ANY ($9))
    AND ($12::text IS NULL OR EXISTS (
      SELECT 1 FROM r WHERE i.geom && ST_Expand(r.geom, r.reach_deg) AND ST_DWithin(r.line, i.geom::geography, $13::float8 * 1000)))
),
-- in grid order, so consecutive tests mostly meet the same country and PostGIS reuses its prepared shape
squares AS MATERIALIZED (
  SELECT s.gx, s.gy, t.touching = 0 OR (t.touching = 1 AND t.covered) AS placed, CASE WHEN t.touching = 1 THEN t.iso3 END AS iso3
  FROM (SELECT DISTINCT gx, gy FROM hits ORDER BY gx, gy) s,
  LATERAL (SELECT ST_MakeEnvelope(s.gx / $10::float8, s.gy / $10::float8, (s.gx + 1) / $10::float8, (s.gy + 1) / $10::float8, 4326) AS env) e,
  LATERAL (
    SELECT count(*) AS touching, min(c.iso3) AS iso3, bool_and(ST_Covers(c.geom, e.env)) AS covered
    FROM countries c
    WHERE ST_Intersects(c.geom, e.env)
  ) t
),
keyed AS MATERIALIZED (
  SELECT h.bin, h.dead, h.missing,
         CASE WHEN s.placed THEN s.iso3
              ELSE (SELECT c.iso3 FROM countries c WHERE ST_Intersects(c.geom, h.geom) ORDER BY c.iso3 LIMIT 1) END AS key
  FROM hits h JOIN squares s ON s.gx = h.gx AND s.gy = h.gy
)
SELECT to_char(k.bin, 'YYYY-MM-DD') AS bin, k.key,
       COALESCE(CASE $15::text WHEN 'fr' THEN c.name_fr WHEN 'ar' THEN c.name_ar ELSE c.name_en END, k.key) AS label,
       count(*)::int AS n, COALESCE(sum(k.dead), 0)::int AS dead, COALESCE(sum(k.missing), 0)::int AS missing,
       count(*) FILTER (WHERE k.dead IS NOT NULL OR k.missing IS NOT NULL)::int AS casualties,
       count(k.dead)::int AS dead_known, count(k.missing)::int AS missing_known
FROM keyed k
LEFT JOIN countries c ON c.iso3 = k.key
GROUP BY 1, 2, 3
ORDER BY 1, 2
