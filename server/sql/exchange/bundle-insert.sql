-- Records bundle $1 of partner $2, direction $3 (in | out), sequence $4, created $5, counts $6 (JSON); returns nothing.
INSERT INTO exchange_bundles (bundle_id, partner_id, direction, sequence, created_at, counts) VALUES ($1, $2, $3, $4, $5, $6::jsonb)
