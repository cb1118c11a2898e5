-- Returns the users of agency $1 (NULL: all), by username: {id, username, role, agency_id,
-- agency_name, state, expires_at, revoked_at, created_at}. Never the password hash.
SELECT u.id, u.username, u.role, u.agency_id, a.name AS agency_name, a.state_iso3 AS state, u.expires_at, u.revoked_at, u.created_at
FROM users u JOIN agencies a ON a.id = u.agency_id
WHERE $1::bigint IS NULL OR u.agency_id = $1
ORDER BY u.username
