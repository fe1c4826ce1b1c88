-- Dashboard query: the category vocabulary for filters = DISTINCT category of dims.dim_videos, sorted.
SELECT DISTINCT category
FROM lakehouse.dims.dim_videos
WHERE category IS NOT NULL
ORDER BY category
