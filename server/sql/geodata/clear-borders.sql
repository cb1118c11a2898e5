-- Empties the borders table before a reload; returns nothing.
DELETE FROM borders
