-- Returns the user named $1 as list-users.sql does, if any.
SELECT u.id, u.username, u.role, u.agency_id, a.name AS agency_name, a.state_iso3 AS state, u.expires_at, u.revoked_at, u.created_at
FROM users u JOIN agencies a ON a.id = u.agency_id
WHERE u.username = $1
