-- Returns the latest change number handed out {cursor}: an export covers changes up to it.
SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS cursor FROM exchange_change_seq
