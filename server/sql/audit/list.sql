-- Returns the newest $2 audit entries of agency $1 (NULL: all agencies), newest first, before id
-- $3 (NULL: from the newest): {id, at, user_id, username, agency_id, action, target, detail}.
SELECT id, at, user_id, username, agency_id, action, target, detail
FROM audit_log
WHERE ($1::bigint IS NULL OR agency_id = $1) AND ($3::bigint IS NULL OR id < $3)
ORDER BY id DESC
LIMIT $2
