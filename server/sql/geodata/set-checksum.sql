-- Records that layer $1 is loaded at checksum $2; returns nothing.
INSERT INTO geodata_state (layer, checksum, loaded_at) VALUES ($1, $2, now())
ON CONFLICT (layer) DO UPDATE SET checksum = EXCLUDED.checksum, loaded_at = now()
