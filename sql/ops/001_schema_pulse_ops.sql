-- Schema pulse_ops (PostgreSQL, database pulse): Pulse's operational store.
-- What later features keep that is not lakehouse data: alert rules, annotations, saved views.
-- Migrated by `npm run lakehouse -- migrate` (lib/ops-db/migrate.ts), one object per file, like sql/ddl.
CREATE SCHEMA IF NOT EXISTS pulse_ops
