-- Returns the checksum of every loaded geodata layer: (layer, checksum).
SELECT layer, checksum FROM geodata_state
