-- Returns this instance's identity {instance_id, state_iso3, agency_name, public_key}, or no row before the first start.
SELECT instance_id, state_iso3, agency_name, public_key FROM exchange_identity
