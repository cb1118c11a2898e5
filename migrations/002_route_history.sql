-- Route editing without loss: every state a route has been in is kept in route_versions.
-- routes.version counts the changes; `edited` marks routes an analyst has changed, so a newer
-- catalogue build never overwrites an analyst's edit; deleted routes keep their row with
-- deleted_at set, so the catalogue cannot resurrect them either.
ALTER TABLE routes
  ADD COLUMN origin     text NOT NULL DEFAULT 'catalogue',
  ADD COLUMN version    integer NOT NULL DEFAULT 1,
  ADD COLUMN edited     boolean NOT NULL DEFAULT false,
  ADD COLUMN deleted_at timestamptz;

-- Under Citus a reference table like routes (small, read everywhere).
CREATE TABLE route_versions (
  route_id    text NOT NULL,
  version     integer NOT NULL,
  -- create | update | delete | catalogue (loaded or refreshed from geodata/routes.geojson)
  change      text NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now(),
  name        text NOT NULL,
  family      text NOT NULL,
  kind        text NOT NULL,
  threats     text[] NOT NULL,
  direction   text NOT NULL,
  confidence  text NOT NULL,
  countries   text[] NOT NULL,
  props       jsonb NOT NULL,
  geom        geometry(LineString, 4326) NOT NULL,
  PRIMARY KEY (route_id, version)
);

-- The catalogue as loaded before this migration is version 1 of each route.
INSERT INTO route_versions (route_id, version, change, name, family, kind, threats, direction, confidence, countries, props, geom)
SELECT id, 1, 'catalogue', name, family, kind, threats, direction, confidence, countries, props, geom FROM routes;
