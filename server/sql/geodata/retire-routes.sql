-- Marks deleted every catalogue route (origin 'catalogue', never edited by an analyst) whose id is
-- not in $1 (a JSON array of ids): a route dropped from geodata/routes.source.json leaves the map
-- but keeps its history. Records the deletion in route_versions; returns the retired ids.
WITH retired AS (
  UPDATE routes AS t SET deleted_at = now(), version = t.version + 1, updated_at = now()
  WHERE t.origin = 'catalogue' AND NOT t.edited AND t.deleted_at IS NULL
    AND t.id NOT IN (SELECT json_array_elements_text($1::json))
  RETURNING t.*
)
INSERT INTO route_versions (route_id, version, change, name, family, kind, threats, direction, confidence, countries, props, geom, valid_from, valid_to, status)
SELECT id, version, 'delete', name, family, kind, threats, direction, confidence, countries, props, geom, valid_from, valid_to, status FROM retired
RETURNING route_id
