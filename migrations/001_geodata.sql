-- Reference geodata: countries, land borders, places, the operational zone and the route
-- catalogue. All small and joined with everything else, so under Citus each becomes a reference
-- table (SELECT create_reference_table('countries'), ...): see docs/citus.md.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE countries (
  iso3          text PRIMARY KEY,
  iso2          text,
  name_en       text NOT NULL,
  name_fr       text NOT NULL,
  name_ar       text NOT NULL,
  member        boolean NOT NULL,
  -- Natural Earth 1:10m, for analysis.
  geom          geometry(MultiPolygon, 4326) NOT NULL,
  -- Natural Earth 1:50m, for display (basemap tiles, /api/countries).
  geom_display  geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX countries_geom_idx ON countries USING gist (geom);
CREATE INDEX countries_geom_display_idx ON countries USING gist (geom_display);

-- One row per pair of neighbouring countries; a_iso3 < b_iso3.
CREATE TABLE borders (
  a_iso3     text NOT NULL,
  b_iso3     text NOT NULL,
  geom       geometry(MultiLineString, 4326) NOT NULL,
  -- geodesic length on the WGS84 spheroid, km
  length_km  double precision NOT NULL,
  PRIMARY KEY (a_iso3, b_iso3),
  CHECK (a_iso3 < b_iso3)
);
CREATE INDEX borders_geom_idx ON borders USING gist (geom);

CREATE TABLE places (
  id          integer PRIMARY KEY,
  name        text NOT NULL,
  alt_names   text[] NOT NULL DEFAULT '{}',
  -- lower-cased, accents stripped, name and alt names joined by '|': what /api/places?q= matches
  search_key  text NOT NULL,
  iso2        text,
  iso3        text,
  admin1      text,
  -- 0 national capital, 1 route waypoint or desert hub, 2 other town
  rank        smallint NOT NULL,
  source      text NOT NULL,
  citation    text,
  geom        geometry(Point, 4326) NOT NULL
);
CREATE INDEX places_geom_idx ON places USING gist (geom);
CREATE INDEX places_rank_idx ON places (rank);

CREATE TABLE zones (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  definition  text NOT NULL,
  geom        geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX zones_geom_idx ON zones USING gist (geom);

CREATE TABLE routes (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  family      text NOT NULL,
  kind        text NOT NULL,
  threats     text[] NOT NULL,
  direction   text NOT NULL,
  confidence  text NOT NULL,
  countries   text[] NOT NULL,
  -- everything else of the catalogue entry: waypoints, sources, notes
  props       jsonb NOT NULL,
  geom        geometry(LineString, 4326) NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX routes_geom_idx ON routes USING gist (geom);

-- Which version of each built geodata layer is loaded, so boot reloads only what changed.
CREATE TABLE geodata_state (
  layer      text PRIMARY KEY,
  checksum   text NOT NULL,
  loaded_at  timestamptz NOT NULL DEFAULT now()
);
