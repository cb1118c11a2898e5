-- Empties route_flows before the curated figures are reloaded; returns nothing.
DELETE FROM route_flows
