-- Per-source mapping of native formats (OPA decision logs) to event-v1: JSON of field -> paths.
ALTER TABLE source ADD COLUMN opa_mapping VARCHAR(16384);
