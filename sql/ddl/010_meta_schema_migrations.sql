-- Table lakehouse.meta.schema_migrations (Pulse bookkeeping, not in the seed)
-- The migration ledger: one row per sql/ddl file applied, with the SHA-256 of its rendered text.
-- `lakehouse migrate` skips a file whose checksum is recorded, so re-running it changes nothing;
-- a changed view file is re-applied, a changed table file is refused (add a new file instead).
CREATE TABLE IF NOT EXISTS lakehouse.meta.schema_migrations (
  file_name  varchar,
  checksum   varchar,
  applied_at timestamp(6) with time zone,
  applied_by varchar
)
WITH (format = 'PARQUET', format_version = 2)
