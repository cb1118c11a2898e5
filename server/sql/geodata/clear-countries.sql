-- Empties the countries table before a reload; returns nothing.
DELETE FROM countries
