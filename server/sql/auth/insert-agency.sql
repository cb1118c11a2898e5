-- Adds agency $1 of member state $2; returns {id, name, state}.
INSERT INTO agencies (name, state_iso3) VALUES ($1, $2)
RETURNING id, name, state_iso3 AS state
