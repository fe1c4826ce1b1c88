-- Schema lakehouse.dims
-- Dimensions (seed §3.2): CDC-upserted reference data and its SCD2 history.
CREATE SCHEMA IF NOT EXISTS lakehouse.dims
