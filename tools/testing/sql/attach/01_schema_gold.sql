-- Attach test fixture, the other team's own DDL (not Pulse's sql/ddl): their gold schema.
CREATE SCHEMA warehouse_prod.gold
