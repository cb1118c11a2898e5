-- One counter per data layer, bumped in the same transaction as any change to the layer's rows
-- (geodata reload, route edit, incident import). Tile ETags and the tile cache key on it, so no
-- replica serves a stale tile after a change. Under Citus: a reference table.
CREATE TABLE data_versions (
  layer       text PRIMARY KEY,
  version     bigint NOT NULL DEFAULT 1,
  changed_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO data_versions (layer) VALUES ('countries'), ('borders'), ('places'), ('zones'), ('routes'), ('incidents');
