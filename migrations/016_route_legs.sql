-- The legs of a route line, one row each: props.segments holds vertex ranges {start, end, kind}
-- (kind track, schematic or sea; shared/route-segments.ts reads the same ranges in TypeScript).
-- A route without usable segments (drawn by an analyst, or edited since) is one schematic leg.
-- Used by the route tiles (tiles/routes-mvt.sql on PostGIS, tiles/routes-features.sql for the
-- embedded encoder), so both cut a line into legs one way. Immutable: same line, same legs.
CREATE FUNCTION route_legs(line geometry, props jsonb) RETURNS TABLE (leg text, geom geometry)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(s->>'kind', 'schematic'),
         CASE WHEN jsonb_typeof(s) = 'object'
              THEN ST_MakeLine(ARRAY(SELECT ST_PointN(line, i)
                                     FROM generate_series((s->>'start')::int + 1, (s->>'end')::int + 1) AS i))
              ELSE line END
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(props->'segments') = 'array' THEN props->'segments' ELSE '[null]'::jsonb END) AS s
$$;
