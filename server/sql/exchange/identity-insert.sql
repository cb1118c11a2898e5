-- Creates this instance's identity with instance id $1 (once: a second start finds it); returns nothing.
INSERT INTO exchange_identity (instance_id) VALUES ($1) ON CONFLICT (singleton) DO NOTHING
