-- Whether this database holds the service's schema: schema_migrations exists.
SELECT to_regclass('schema_migrations') IS NOT NULL AS present
