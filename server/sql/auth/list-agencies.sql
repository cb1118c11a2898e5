-- Returns every agency {id, name, state}, by state then name (the secretariat, of no state, first).
SELECT id, name, state_iso3 AS state FROM agencies ORDER BY state_iso3 NULLS FIRST, name
