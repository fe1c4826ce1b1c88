-- Table pulse_ops.playlist_items: the views of a playlist, in order (position 0, 1, …), each shown
-- for dwell_seconds. An item is either a saved view (view_id: the screen follows later edits of that
-- view's name; deleting a view a playlist uses is refused, not silently skipped) or a plain
-- dashboard URL (url: relative, one of the dashboard's pages), never both.
CREATE TABLE IF NOT EXISTS pulse_ops.playlist_items (
  playlist_id   bigint  NOT NULL REFERENCES pulse_ops.playlists (id) ON DELETE CASCADE,
  position      integer NOT NULL CHECK (position BETWEEN 0 AND 49),
  view_id       bigint  REFERENCES pulse_ops.saved_views (id) ON DELETE RESTRICT,
  url           text    CHECK (length(url) BETWEEN 1 AND 2000 AND url LIKE '/%'),
  dwell_seconds integer NOT NULL CHECK (dwell_seconds BETWEEN 5 AND 3600),
  PRIMARY KEY (playlist_id, position),
  CHECK ((view_id IS NULL) <> (url IS NULL))
)
