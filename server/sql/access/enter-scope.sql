-- Switches the open transaction to the request role with the viewer's settings, until COMMIT or
-- ROLLBACK (is_local = true); returns one row. $1 scope (member | public), $2 agency id, $3 state.
-- The policies of migrations/007_access.sql read these settings.
SELECT set_config('role', 'sahel_request', true),
       set_config('sahel.scope', $1, true),
       set_config('sahel.agency', $2, true),
       set_config('sahel.state', $3, true)
