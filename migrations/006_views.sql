-- Saved map views (issue 6): a map state stored under a short random id, so /v/<id> and
-- /embed/<id> open the same map. params holds the normalized query parameters of the state
-- (server/geo/map-state.ts mapStateToParams), every value a string. Written once, read by id:
-- under Citus a reference table (docs/citus.md).
CREATE TABLE views (
  -- 10 url-safe base64 characters (60 random bits)
  id          text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{6,32}$'),
  params      jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
