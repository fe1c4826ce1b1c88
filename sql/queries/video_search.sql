-- Dashboard query: the nav's video search = videos of dims.dim_videos whose id starts with the typed
-- text, or that carry it as a hashtag; banned videos included (ops look them up too), at most :limit.
-- Inputs: :exact_id (the text as typed, without a leading '#'), :id_pattern (a LIKE pattern: that
--   text with '\', '%' and '_' escaped by '\', then '%'),
--   :hashtag (the text without a leading '#', lower case; hashtags are compared lower-cased).
-- Order: exact id first, then id matches, then hashtag matches; ties by video_id.
SELECT
  d.video_id,
  d.category,
  d.creator_id,
  d.hashtags,
  d.status,
  CASE WHEN d.video_id LIKE :id_pattern ESCAPE '\' THEN 'id' ELSE 'hashtag' END AS matched
FROM lakehouse.dims.dim_videos d
WHERE d.video_id LIKE :id_pattern ESCAPE '\'
   OR any_match(d.hashtags, h -> lower(h) = :hashtag)  -- NULL hashtags: no match
ORDER BY
  CASE WHEN d.video_id = :exact_id THEN 0 WHEN d.video_id LIKE :id_pattern ESCAPE '\' THEN 1 ELSE 2 END,
  d.video_id
LIMIT :limit
