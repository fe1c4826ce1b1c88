-- Table pulse_ops.playlists: a named list of views a wall screen cycles through in kiosk mode
-- (/playlists/<id>, its shareable URL). Its items are pulse_ops.playlist_items; one cycle lasts the
-- sum of their dwell times. updated_at moves on every edit, so a playing screen can tell it changed.
CREATE TABLE IF NOT EXISTS pulse_ops.playlists (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  author     text        NOT NULL CHECK (length(author) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
)
