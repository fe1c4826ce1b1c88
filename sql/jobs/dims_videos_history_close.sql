-- Job statement: SCD2 history of videos — re-derive valid_to for the videos of a change batch:
-- each version is valid until the next version's valid_from (valid_to = lead(valid_from)), the
-- newest stays open (NULL). Derived from the ordering, so it is idempotent and order-independent.
MERGE INTO lakehouse.dims.dim_videos_history h
USING (
  SELECT video_id, valid_from, lead(valid_from) OVER (PARTITION BY video_id ORDER BY valid_from) AS next_from
  FROM lakehouse.dims.dim_videos_history
  WHERE video_id IN (SELECT c.video_id FROM lakehouse.bronze.kafka_cdc_videos_checked c WHERE c.kafka_partition = 0 AND c.kafka_offset >= :from0 AND c.kafka_offset < :to0 AND c.reason IS NULL)
) s
ON h.video_id = s.video_id AND h.valid_from = s.valid_from
WHEN MATCHED AND s.next_from IS NOT NULL AND (h.valid_to IS NULL OR h.valid_to <> s.next_from) THEN UPDATE SET valid_to = s.next_from
