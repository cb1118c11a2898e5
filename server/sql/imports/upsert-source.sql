-- Records dataset $1 with its credit line $2 and url $3 (latest wins); returns nothing.
INSERT INTO sources (dataset, credit, url) VALUES ($1, $2, $3)
ON CONFLICT (dataset) DO UPDATE SET credit = EXCLUDED.credit, url = EXCLUDED.url
