-- Returns one row {any}: whether the incidents table holds at least one row.
SELECT EXISTS (SELECT 1 FROM incidents) AS any
