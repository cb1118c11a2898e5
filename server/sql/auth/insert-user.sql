-- Adds user $2 to agency $1 with role $3, password hash $4 (NULL: tokens only) and expiry $5
-- (NULL: none); returns the user as list-users.sql does.
WITH u AS (
  INSERT INTO users (agency_id, username, role, password_hash, expires_at)
  VALUES ($1, $2, $3, $4, $5)
  RETURNING *
)
SELECT u.id, u.username, u.role, u.agency_id, a.name AS agency_name, a.state_iso3 AS state, u.expires_at, u.revoked_at, u.created_at
FROM u JOIN agencies a ON a.id = u.agency_id
