-- Dashboard query: the videos with the most plays in one bucket of a chart, [:from, :to) (a minute,
-- or an hour of the long ranges): what a click on the Pulse chart lists.
-- From gold.rt_video_minute (closed minutes only), per video over the range:
--   plays, impressions, finishes, likes = SUM; completion_rate = finishes / plays (NULL without plays)
-- with dims.dim_videos' category and status (banned videos are listed: they count in the platform's
-- totals the chart draws). Ranked by plays, ties by video_id; at most :limit.
WITH w AS (SELECT complete_through AS t FROM lakehouse.gold.rt_watermark)
SELECT
  m.video_id,
  d.category,
  coalesce(d.status, 'active') AS status,
  sum(m.play_start)  AS plays,
  sum(m.impressions) AS impressions,
  sum(m.play_finish) AS finishes,
  sum(m.likes)       AS likes,
  CAST(sum(m.play_finish) AS double) / nullif(sum(m.play_start), 0) AS completion_rate,
  to_unixtime(max(w.t)) * 1000 AS watermark_ms
FROM lakehouse.gold.rt_video_minute m
CROSS JOIN w
LEFT JOIN lakehouse.dims.dim_videos d ON d.video_id = m.video_id
WHERE m.window_start >= :from
  AND m.window_start < :to
GROUP BY m.video_id, d.category, d.status
ORDER BY plays DESC, m.video_id
LIMIT :limit
