-- After merging a bundle from partner $1: its sequence $2 and change cursor $3; returns nothing.
UPDATE exchange_partners SET received_sequence = $2, pull_cursor = greatest(pull_cursor, $3) WHERE id = $1
