-- Table pulse_ops.annotations: notes people pin to a moment of the dashboard's time axis (a deploy,
-- an incident, a campaign), shown on the charts of that moment.
-- video_id NULL = about the whole platform, else about that video (no foreign key: videos live in the
-- lakehouse, not here). `at` is the instant annotated; created_at is when the note was written.
CREATE TABLE IF NOT EXISTS pulse_ops.annotations (
  id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  video_id   text,
  at         timestamptz NOT NULL,
  text       text        NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  author     text        NOT NULL CHECK (length(author) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
)
