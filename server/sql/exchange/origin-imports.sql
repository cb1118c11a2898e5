-- Returns {origin_instance, origin_id, id} of the imports received from origin instances $1: where
-- a bundle's incidents find the local copy of their origin import.
SELECT origin_instance, origin_id, id FROM imports WHERE origin_instance = ANY ($1::text[])
