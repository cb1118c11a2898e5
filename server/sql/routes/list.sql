-- Returns catalogue routes with their GeoJSON geometry and geodesic length in km, by id,
-- filtered by family $1, kind $2, threat $3, a crossed country $4 (ISO3) and a time range: only
-- routes whose period overlaps [$5, $6] (dates, inclusive; a NULL bound or period end is open).
-- NULL = any.
SELECT r.id, r.name, r.family, r.kind, r.threats, r.direction, r.confidence, r.countries, r.props,
       to_char(r.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(r.valid_to, 'YYYY-MM-DD') AS valid_to, r.status, r.origin, r.version, r.edited, r.updated_at, r.owner_agency, r.sharing, r.partners,
       r.origin_instance, r.origin_state, r.origin_agency, r.origin_version,
       ST_AsGeoJSON(r.geom, 6)::json AS geometry,
       ST_Length(r.geom::geography) / 1000 AS length_km
FROM routes r
WHERE r.deleted_at IS NULL
  AND ($1::text IS NULL OR r.family = $1)
  AND ($2::text IS NULL OR r.kind = $2)
  AND ($3::text IS NULL OR $3 = ANY (r.threats))
  AND ($4::text IS NULL OR EXISTS (
        SELECT 1 FROM countries c WHERE c.iso3 = $4 AND c.geom && r.geom AND ST_Intersects(c.geom, r.geom)))
  AND ($5::date IS NULL OR r.valid_to IS NULL OR r.valid_to >= $5::date)
  AND ($6::date IS NULL OR r.valid_from IS NULL OR r.valid_from <= $6::date)
ORDER BY r.id
