-- Records dataset $1 with its credit line $2, url $3, terms $4 and whether they allow
-- redistribution $5 (latest wins, except that a dataset once restricted stays restricted);
-- returns nothing.
INSERT INTO sources (dataset, credit, url, licence, redistribution) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (dataset) DO UPDATE SET credit = EXCLUDED.credit, url = EXCLUDED.url,
  licence = coalesce(EXCLUDED.licence, sources.licence),
  redistribution = sources.redistribution AND EXCLUDED.redistribution
