-- Table pulse_ops.annotations, second shape: what kind of moment (a deploy, an incident, a note),
-- a span's end (NULL = a point in time at `at`; else from `at` to `ends_at`), and where it came from
-- (source: "ui", "api", or what a CI/CD job names itself, e.g. "github-actions").
ALTER TABLE pulse_ops.annotations
  ADD COLUMN kind    text        NOT NULL DEFAULT 'note' CHECK (kind IN ('deploy', 'incident', 'note')),
  ADD COLUMN ends_at timestamptz CHECK (ends_at IS NULL OR ends_at >= at),
  ADD COLUMN source  text        NOT NULL DEFAULT 'api' CHECK (length(source) BETWEEN 1 AND 100)
