-- Schema evolution of lakehouse.gold.batch_video_daily: add plays_finished (see 510).
--   plays_finished = (session, video) pairs of the day with both a play_start and a play_finish,
--   so completion_rate = plays_finished / plays_started for one day or summed over several.
ALTER TABLE lakehouse.gold.batch_video_daily ADD COLUMN IF NOT EXISTS plays_finished bigint
