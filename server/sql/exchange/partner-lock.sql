-- Locks partner $1 for a merge (one bundle from a partner at a time); returns its received sequence.
SELECT received_sequence FROM exchange_partners WHERE id = $1 FOR UPDATE
