-- Returns the partner named $1 or of instance $2 (either may be NULL), pull token included, or no row.
SELECT p.id, p.name, p.instance_id, p.state_iso3, p.agency_id, a.name AS agency_name, p.public_key, p.levels, p.url,
       p.pull_token, p.sent_sequence, p.received_sequence, p.pull_cursor
FROM exchange_partners p JOIN agencies a ON a.id = p.agency_id
WHERE p.name = $1 OR p.instance_id = $2
