-- Records this instance's public key $1 (base64 SPKI); returns nothing.
UPDATE exchange_identity SET public_key = $1
