-- Test runner statement (PostgreSQL, database pulse): drop Pulse's operational schema with every table
-- in it, so a reused test PostgreSQL is migrated from nothing by sql/ops.
DROP SCHEMA IF EXISTS pulse_ops CASCADE
