-- Sets sequence $1 (a quoted name) to value $2; $3 false makes $2 the next value it gives
-- (a sequence never used), true the last one given.
SELECT setval($1::regclass, $2::bigint, $3::boolean) AS value
