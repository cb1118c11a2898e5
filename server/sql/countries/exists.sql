-- Returns the row (iso3) if country $1 is known, else no row.
SELECT iso3 FROM countries WHERE iso3 = $1
