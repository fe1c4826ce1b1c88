-- Dashboard query: the real-time watermark, for panels whose own result came back empty.
-- Formula: watermark_ms = epoch milliseconds of gold.rt_watermark.complete_through, the end of the
-- last closed and aggregated minute; now_ms = Trino's clock, so "minutes behind" needs no client clock.
SELECT
  to_unixtime(complete_through) * 1000 AS watermark_ms,
  to_unixtime(current_timestamp) * 1000 AS now_ms
FROM lakehouse.gold.rt_watermark
