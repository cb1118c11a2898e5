-- Returns the current version of every data layer: (layer, version).
SELECT layer, version FROM data_versions
