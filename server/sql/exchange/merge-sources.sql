-- Adds the credit lines of datasets a bundle brings ($1: JSON array of {dataset, credit, url});
-- a dataset already known keeps its own line. Returns nothing.
INSERT INTO sources (dataset, credit, url)
SELECT r->>'dataset', r->>'credit', r->>'url' FROM jsonb_array_elements($1::jsonb) AS r
ON CONFLICT (dataset) DO NOTHING
