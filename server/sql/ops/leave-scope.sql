-- Back from the request role to the connecting role for the rest of the transaction; one row.
SELECT set_config('role', 'none', true)
