-- Changes partner $1 (by name): public key $2, levels $3, and when $4 is true its online pull URL
-- $5 and token $6 (NULL both: bundles only); a NULL $2 or $3 keeps the value. Returns {id}, or no
-- row when there is no such partner.
UPDATE exchange_partners
SET public_key = coalesce($2, public_key),
    levels = coalesce($3::text[], levels),
    url = CASE WHEN $4::boolean THEN $5 ELSE url END,
    pull_token = CASE WHEN $4::boolean THEN $6 ELSE pull_token END
WHERE name = $1
RETURNING id
