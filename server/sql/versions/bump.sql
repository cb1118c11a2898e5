-- Advances the version of layer $1 (creating it at 1 if new); returns the new version.
INSERT INTO data_versions (layer, version, changed_at) VALUES ($1, 1, now())
ON CONFLICT (layer) DO UPDATE SET version = data_versions.version + 1, changed_at = now()
RETURNING version
