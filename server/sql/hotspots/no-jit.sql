-- Returns one row; turns JIT compilation off for the rest of the transaction (queries whose cost
-- estimate is inflated past jit_above_cost but whose work is a few ms).
SELECT set_config('jit', 'off', true) AS jit
