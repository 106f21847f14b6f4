"""Input and output: ingest (files to entries and rejects), schema (the tables' columns),
rows (records to rows), store (atomic Parquet tables and the lock), manifest (incremental runs)."""
