-- Attach test fixture, the other team's own DDL: their bronze schema.
CREATE SCHEMA warehouse_prod.bronze
