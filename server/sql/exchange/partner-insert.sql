-- Registers a partner: name $1, instance id $2, state $3, local agency id $4, public key $5,
-- levels $6, url $7, pull token $8; returns its id.
INSERT INTO exchange_partners (name, instance_id, state_iso3, agency_id, public_key, levels, url, pull_token)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id
