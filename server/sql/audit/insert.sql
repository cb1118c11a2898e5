-- Appends one audit entry: user $1 (NULL while AUTH=off), username $2, agency $3, action $4,
-- target $5, detail $6 (JSON); returns nothing.
INSERT INTO audit_log (user_id, username, agency_id, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
