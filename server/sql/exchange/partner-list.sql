-- Returns every partner with its agency's name (the pull token is never returned), by name.
SELECT p.id, p.name, p.instance_id, p.state_iso3, p.agency_id, a.name AS agency_name, p.public_key, p.levels, p.url,
       p.pull_token IS NOT NULL AS has_pull_token, p.sent_sequence, p.received_sequence, p.pull_cursor
FROM exchange_partners p JOIN agencies a ON a.id = p.agency_id
ORDER BY p.name
