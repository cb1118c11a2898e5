-- Copies the current state of route $1 into route_versions under change $2 (create | update | delete).
INSERT INTO route_versions (route_id, version, change, name, family, kind, threats, direction, confidence, countries, props, geom, valid_from, valid_to, status)
SELECT id, version, $2, name, family, kind, threats, direction, confidence, countries, props, geom, valid_from, valid_to, status
FROM routes WHERE id = $1
