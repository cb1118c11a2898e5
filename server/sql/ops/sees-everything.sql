-- Whether the connecting role reads every row despite row-level security: a superuser, a role
-- with BYPASSRLS, or the owner of every table that has policies (as the service's role is).
SELECT r.rolsuper OR r.rolbypassrls
       OR NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = current_schema() AND c.relrowsecurity AND (c.relforcerowsecurity OR NOT pg_has_role(c.relowner, 'USAGE'))) AS sees_all,
       current_user AS role
FROM pg_roles r WHERE r.rolname = current_user
