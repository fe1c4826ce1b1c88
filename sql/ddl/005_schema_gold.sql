-- Schema lakehouse.gold
-- Gold layer (seed §4-5): the real-time 1-minute log, the daily mart and the read-time views.
CREATE SCHEMA IF NOT EXISTS lakehouse.gold
