-- Attach test fixture: the other team retires its legacy Bronze table, so Pulse may create its own.
DROP TABLE warehouse_prod.bronze.raw_events
