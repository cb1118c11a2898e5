-- Merges saved patrol plans of a bundle: $1 JSON array of plan lines, $2 JSON object
-- "agency|state" -> local agency id; newer versions win, older are ignored, tombstoned stay
-- deleted. Returns {inserted, updated}.
WITH up AS (
  INSERT INTO patrol_plans (name, request, result, created_at, owner_agency, owner_state, sharing, partners,
                            origin_instance, origin_id, origin_version, origin_state, origin_agency)
  SELECT r->>'name', (r->'request')::jsonb, (r->'result')::jsonb, (r->>'created_at')::timestamptz,
         ($2::jsonb ->> ((r->>'agency') || '|' || (r->>'state')))::bigint, r->>'state', r->>'sharing',
         ARRAY(SELECT jsonb_array_elements_text(r->'partners')),
         r->>'o', r->>'id', (r->>'v')::bigint, r->>'state', r->>'agency'
  FROM jsonb_array_elements($1::jsonb) AS r
  WHERE NOT EXISTS (SELECT 1 FROM exchange_tombstones t
                    WHERE t.origin_instance = r->>'o' AND t.origin_id = r->>'id' AND t.kind = 'plan' AND t.origin_version > (r->>'v')::bigint)
  ON CONFLICT (origin_instance, origin_id) WHERE origin_instance IS NOT NULL DO UPDATE SET
    name = EXCLUDED.name, request = EXCLUDED.request, result = EXCLUDED.result, sharing = EXCLUDED.sharing,
    partners = EXCLUDED.partners, origin_version = EXCLUDED.origin_version
  WHERE patrol_plans.origin_version < EXCLUDED.origin_version
  RETURNING (xmax = 0) AS fresh
)
SELECT count(*) FILTER (WHERE fresh)::int AS inserted, count(*) FILTER (WHERE NOT fresh)::int AS updated FROM up
