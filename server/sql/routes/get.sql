-- Returns the route with id $1 (GeoJSON geometry, geodesic length in km), or no row.
SELECT r.id, r.name, r.family, r.kind, r.threats, r.direction, r.confidence, r.countries, r.props,
       to_char(r.valid_from, 'YYYY-MM-DD') AS valid_from, to_char(r.valid_to, 'YYYY-MM-DD') AS valid_to, r.status, r.origin, r.version, r.edited, r.updated_at, r.owner_agency, r.sharing, r.partners,
       r.origin_instance, r.origin_state, r.origin_agency, r.origin_version,
       ST_AsGeoJSON(r.geom, 6)::json AS geometry,
       ST_Length(r.geom::geography) / 1000 AS length_km
FROM routes r
WHERE r.id = $1 AND r.deleted_at IS NULL
