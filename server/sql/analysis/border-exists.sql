-- Returns the pair (a_iso3, b_iso3) if countries $1 and $2 (a_iso3 < b_iso3) share a land border.
SELECT a_iso3, b_iso3 FROM borders WHERE a_iso3 = $1 AND b_iso3 = $2
