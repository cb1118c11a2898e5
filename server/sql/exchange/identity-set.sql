-- Sets the member state $1 (ISO3) and agency name $2 this instance speaks for; returns nothing.
UPDATE exchange_identity SET state_iso3 = $1, agency_name = $2
