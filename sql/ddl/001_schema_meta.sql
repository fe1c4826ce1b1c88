-- Schema lakehouse.meta
-- Pulse's own bookkeeping: the migration ledger and the pipeline watermarks.
CREATE SCHEMA IF NOT EXISTS lakehouse.meta
