-- Returns {held}: whether any incident received from the origin instances $1 is stored here, or
-- any tombstone of theirs (then a merge must check versions; else it may simply insert).
SELECT EXISTS (SELECT 1 FROM incidents WHERE origin_instance = ANY ($1::text[]))
    OR EXISTS (SELECT 1 FROM exchange_tombstones WHERE origin_instance = ANY ($1::text[])) AS held
