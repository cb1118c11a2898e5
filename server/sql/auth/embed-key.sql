-- Returns {secret}: the key embed tokens are signed with (created by migrations/007_access.sql).
SELECT secret FROM service_secrets WHERE name = 'embed'
