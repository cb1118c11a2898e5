-- Returns the completed import of the file with checksum $2 into agency $3's dataset $1, if any
-- (re-import = no-op; another agency's import of the same file is its own).
SELECT id FROM imports WHERE source_dataset = $1 AND checksum = $2 AND owner_agency = $3 AND status = 'completed'
