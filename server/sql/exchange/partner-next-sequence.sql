-- Takes the next bundle sequence number for partner $1; returns it.
UPDATE exchange_partners SET sent_sequence = sent_sequence + 1 WHERE id = $1 RETURNING sent_sequence
