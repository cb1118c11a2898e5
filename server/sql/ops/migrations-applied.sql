-- The migrations applied to this database, by file name in order; no rows before the first
-- migration (schema_migrations does not exist yet).
SELECT name FROM schema_migrations ORDER BY name
