-- Removes partner $1 (by name): its bundles' records stay (partner_id set NULL, migration 014),
-- and so do the incidents, routes and plans it sent. Returns {id, agency_id}, or no row.
DELETE FROM exchange_partners WHERE name = $1 RETURNING id, agency_id
