-- Statement: one playlist's items in order, each resolved to what a screen opens:
--   url  = the saved view's URL for a saved-view item (as the view is now), else the item's own URL
--   name = the saved view's name, or NULL for a plain URL (the screen shows the URL's page)
-- Parameters: $1 playlist id.
SELECT i.position, i.view_id, coalesce(v.url, i.url) AS url, v.name AS view_name, i.dwell_seconds
FROM pulse_ops.playlist_items i
LEFT JOIN pulse_ops.saved_views v ON v.id = i.view_id
WHERE i.playlist_id = $1
ORDER BY i.position
