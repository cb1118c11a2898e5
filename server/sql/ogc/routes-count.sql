-- Returns n: how many routes match the filters of routes-items.sql ($1..$6 and $10..$13 there,
-- here $1..$10 in the same order), $11 status.
SELECT count(*)::int AS n
FROM routes r
WHERE r.deleted_at IS NULL
  AND ($1::float8 IS NULL OR ST_Intersects(r.geom, ST_MakeEnvelope($1, $2, $3, $4, 4326)))
  AND ($5::timestamptz IS NULL OR r.valid_to IS NULL OR r.valid_to >= ($5::timestamptz AT TIME ZONE 'UTC')::date)
  AND ($6::timestamptz IS NULL OR r.valid_from IS NULL OR r.valid_from <= ($6::timestamptz AT TIME ZONE 'UTC')::date)
  AND ($7::text IS NULL OR r.family = $7) AND ($8::text IS NULL OR r.kind = $8)
  AND ($9::text IS NULL OR r.confidence = $9) AND ($10::text IS NULL OR $10 = ANY (r.threats))
  AND ($11::text IS NULL OR r.status = $11)
