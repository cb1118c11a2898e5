-- Returns the agency named $1 {id, name, state}, if any.
SELECT id, name, state_iso3 AS state FROM agencies WHERE name = $1
