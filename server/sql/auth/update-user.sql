-- Changes user $1 of agency $2 (NULL: any agency): role $3, revoked $4, expiry $5 (each NULL =
-- unchanged; $6 true clears the expiry); returns the user as list-users.sql does, no row if none.
WITH u AS (
  UPDATE users SET
    role = coalesce($3, role),
    revoked_at = CASE WHEN $4::boolean IS NULL THEN revoked_at WHEN $4 THEN coalesce(revoked_at, now()) ELSE NULL END,
    expires_at = CASE WHEN $6::boolean THEN NULL ELSE coalesce($5::timestamptz, expires_at) END
  WHERE id = $1 AND ($2::bigint IS NULL OR agency_id = $2)
  RETURNING *
)
SELECT u.id, u.username, u.role, u.agency_id, a.name AS agency_name, a.state_iso3 AS state, u.expires_at, u.revoked_at, u.created_at
FROM u JOIN agencies a ON a.id = u.agency_id
