-- Returns one row: the PostGIS version and the row count of each geodata table.
SELECT postgis_lib_version() AS postgis,
       (SELECT count(*)::int FROM countries) AS countries,
       (SELECT count(*)::int FROM borders) AS borders,
       (SELECT count(*)::int FROM places) AS places,
       (SELECT count(*)::int FROM routes WHERE deleted_at IS NULL) AS routes
