-- Empties the places table before a reload; returns nothing.
DELETE FROM places
