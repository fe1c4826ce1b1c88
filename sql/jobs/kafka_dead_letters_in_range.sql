-- Job statement: how many dead letters of topic :topic lie in one ingest batch's range of its
-- partition 0 (:from0 <= offset < :to0), for recovering an interrupted CDC batch: above 0 means its
-- dead-letter write happened (one atomic commit) and must not be repeated.
SELECT count(*) AS dead_rows
FROM lakehouse.bronze.dead_letters
WHERE topic = :topic AND kafka_partition = 0 AND kafka_offset >= :from0 AND kafka_offset < :to0
