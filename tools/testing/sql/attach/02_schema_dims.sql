-- Attach test fixture, the other team's own DDL: their dims schema.
CREATE SCHEMA warehouse_prod.dims
