-- Returns the id and mapping of agency $1's latest completed import of a file with header key $2
-- that carried a user's mapping (mapping ? 'user'), if any: a re-import reuses that mapping.
SELECT id, mapping
FROM imports
WHERE owner_agency = $1 AND header_key = $2 AND status = 'completed' AND mapping ? 'user'
ORDER BY id DESC
LIMIT 1
