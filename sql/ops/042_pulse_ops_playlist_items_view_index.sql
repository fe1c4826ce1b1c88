-- Index on pulse_ops.playlist_items (view_id): deleting a saved view checks that no playlist uses it
-- (the RESTRICT foreign key), and the 409 names the playlists that do, without scanning every item.
CREATE INDEX IF NOT EXISTS playlist_items_view_idx ON pulse_ops.playlist_items (view_id) WHERE view_id IS NOT NULL
