-- Returns the completed import of the file with checksum $2 into dataset $1, if any (re-import = no-op).
SELECT id FROM imports WHERE source_dataset = $1 AND checksum = $2 AND status = 'completed'
