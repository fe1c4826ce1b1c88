-- Schema evolution of lakehouse.gold.batch_video_daily: add plays_started (511 adds plays_finished).
--   plays_started = (session, video) pairs of the day with a play_start: completion_rate's denominator.
-- Why: a multi-day completion rate is sum(plays_finished) / sum(plays_started); averaging daily
-- rates would weigh a quiet day like a busy one. Metadata-only change; rows written before it read
-- NULL until their date is rebuilt (`npm run lakehouse -- daily --date D`).
ALTER TABLE lakehouse.gold.batch_video_daily ADD COLUMN IF NOT EXISTS plays_started bigint
