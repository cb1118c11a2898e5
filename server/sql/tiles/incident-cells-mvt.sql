-- Returns one row, tile: the incidents layer of tile z=$1 x=$2 y=$3 at zoom <= 8 as a Mapbox
-- Vector Tile (bytea, extent 4096, buffer 64) from $4, a JSON array of {h3, n, dead_missing, lng,
-- lat}: one point per H3 cell at its centre, counted from the cell rollup first (repos/tiles.ts
-- getIncidentCellTile); empty when no point falls in the tile. PostGIS server only.
WITH env AS (
  SELECT ST_TileEnvelope($1, $2, $3) AS merc
)
SELECT ST_AsMVT(t, 'incidents', 4096, 'geom') AS tile
FROM (
  SELECT c->>'h3' AS h3, (c->>'n')::int AS n, (c->>'dead_missing')::float8 AS dead_missing,
         ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint((c->>'lng')::float8, (c->>'lat')::float8), 4326), 3857), env.merc, 4096, 64, true) AS geom
  FROM json_array_elements($4::json) AS c, env
) AS t
WHERE t.geom IS NOT NULL
