-- Output settings, for the open transaction only, that make COPY text the same on both drivers
-- and every server: UTC timestamps in ISO format, shortest exact floats, hex bytea.
SELECT set_config('timezone', 'UTC', true), set_config('datestyle', 'ISO, YMD', true),
       set_config('intervalstyle', 'postgres', true), set_config('extra_float_digits', '1', true),
       set_config('bytea_output', 'hex', true)
