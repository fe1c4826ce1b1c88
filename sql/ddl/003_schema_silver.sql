-- Schema lakehouse.silver
-- Silver layer (seed §3.1): cleaned, sessionized, point-in-time enriched facts (daily batch).
CREATE SCHEMA IF NOT EXISTS lakehouse.silver
