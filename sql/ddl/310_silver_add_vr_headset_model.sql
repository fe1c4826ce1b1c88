-- Schema evolution of lakehouse.silver.fact_user_engagement (seed §6.1): add vr_headset_model.
-- Upstream producers began sending `vr_headset_model` in raw_payload; Bronze took it without any
-- change (it is inside the JSON blob). Silver gains a nullable column: an Iceberg metadata-only
-- change, so running jobs keep writing (their INSERTs name their columns) and old rows read NULL.
ALTER TABLE lakehouse.silver.fact_user_engagement ADD COLUMN IF NOT EXISTS vr_headset_model varchar
