-- Empties the zones table before a reload; returns nothing.
DELETE FROM zones
