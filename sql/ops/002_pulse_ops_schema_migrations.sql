-- Table pulse_ops.schema_migrations: the ledger of sql/ops, one row per applied file.
-- checksum = SHA-256 of the file's statement (comments stripped). A recorded file is skipped, so a
-- second `migrate` applies nothing; a changed file is refused (add a new one). Each file is applied in
-- the same transaction as its ledger row, so a failed file leaves no trace.
CREATE TABLE IF NOT EXISTS pulse_ops.schema_migrations (
  file_name  text        PRIMARY KEY,
  checksum   char(64)    NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by text        NOT NULL DEFAULT current_user
)
