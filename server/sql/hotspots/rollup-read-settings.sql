-- Returns one row; sets, for the rest of the transaction, what the rollup reads (cells-rollup*.sql,
-- credits-rollup*.sql, cells-by-bin-rollup.sql) want: no JIT (their cost estimates pass
-- jit_above_cost, mostly on the branches folded away, and compiling took 1–2 s against tens of ms
-- of work at 10M incidents); no parallel workers (pg launched them for the edge-day branches whose
-- filter is a constant false, ~0.8 s each on the loaded machine); and 32 MB of work_mem, so the
-- bitmap of the bbox-edge strips stays exact (at 4 MB it went lossy and rechecked ~1M rows) and
-- the zone aggregation of ~108,000 res-7 cells does not spill to disk.
SELECT set_config('jit', 'off', true) AS jit,
       set_config('max_parallel_workers_per_gather', '0', true) AS workers,
       set_config('work_mem', '32MB', true) AS work_mem
