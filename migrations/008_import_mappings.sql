-- The mapping step of an import (issue 12): which column played each field, how coordinates and
-- dates were read, what was noted, and a user's own mapping, kept so that next month's file with
-- the same headers is read the same way. `header_key` ignores column order, case and punctuation.
-- imports stays a Citus reference table (docs/citus.md): plain columns, no new foreign key.
ALTER TABLE imports
  ADD COLUMN mapping    jsonb,
  ADD COLUMN header_key text;
-- a re-import finds the latest completed import of its agency with the same headers
CREATE INDEX imports_header_key_idx ON imports (owner_agency, header_key, id DESC) WHERE status = 'completed' AND header_key IS NOT NULL;
