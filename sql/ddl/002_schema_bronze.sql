-- Schema lakehouse.bronze
-- Bronze layer (seed §2): the raw, append-only ingestion log.
CREATE SCHEMA IF NOT EXISTS lakehouse.bronze
