-- Returns the bundle $1 already recorded {direction, sequence, counts}, or no row.
SELECT direction, sequence, counts FROM exchange_bundles WHERE bundle_id = $1
