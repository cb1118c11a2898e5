-- Returns one row (restricted: true when the terms of dataset $1 forbid redistribution), or no
-- row for a dataset never imported.
SELECT NOT redistribution AS restricted FROM sources WHERE dataset = $1
