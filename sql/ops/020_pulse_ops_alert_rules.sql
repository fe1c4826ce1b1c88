-- Table pulse_ops.alert_rules: what Pulse watches and when it warns, plus each rule's evaluation state.
-- A rule watches one series, evaluated per closed minute m of the real-time log on every micro-batch
-- commit (lib/server/alerts/*):
--   scope 'platform' (video_id NULL), metric plays | completion_rate | likes_per_1k | shares_per_1k:
--     plays(m); finishes(m) / plays(m); 1000 * likes(m) / impressions(m); 1000 * shares(m) / impressions(m)
--   scope 'video' (video_id set), metric velocity | acceleration (N = PULSE_VELOCITY_WINDOW_MINUTES):
--     velocity(m) = (plays(m - N + 1) + ... + plays(m)) / N
--     acceleration(m) = (velocity(m) - velocity(m - N)) / N
-- condition 'threshold': breach when value > threshold (op 'above') or < threshold ('below');
--   recovered when value <= recover_threshold ('above') or >= recover_threshold ('below').
-- condition 'anomaly': z = (value - mean) / stddev over the baseline sample of baseline_minutes values:
--   baseline 'rolling' = the minutes m - W .. m - 1; 'week' = the minutes m - 7 d - W + 1 .. m - 7 d.
--   Breach when z >= z_threshold (op 'above'), z <= -z_threshold ('below'), |z| >= z_threshold
--   ('either'); recovered when z < recover_z, z > -recover_z, |z| < recover_z respectively.
-- Firing: the breach held for for_minutes consecutive minutes; resolved at the first recovered minute
-- (between the two bounds the state holds: hysteresis). State columns: status, breach_minutes (the
-- current run of breached minutes), evaluated_through (minutes before it are evaluated), and the
-- last minute's value, baseline mean and z. deleted_at: a deleted rule keeps its history.
CREATE TABLE IF NOT EXISTS pulse_ops.alert_rules (
  id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  scope             text        NOT NULL CHECK (scope IN ('platform', 'video')),
  video_id          text,
  metric            text        NOT NULL CHECK (metric IN ('plays', 'completion_rate', 'likes_per_1k', 'shares_per_1k', 'velocity', 'acceleration')),
  condition         text        NOT NULL CHECK (condition IN ('threshold', 'anomaly')),
  op                text        NOT NULL CHECK (op IN ('above', 'below', 'either')),
  threshold         double precision,
  recover_threshold double precision,
  baseline          text        CHECK (baseline IN ('rolling', 'week')),
  baseline_minutes  integer     CHECK (baseline_minutes BETWEEN 2 AND 720),
  z_threshold       double precision CHECK (z_threshold > 0),
  recover_z         double precision CHECK (recover_z >= 0),
  for_minutes       integer     NOT NULL CHECK (for_minutes BETWEEN 1 AND 1440),
  webhook_url       text        CHECK (length(webhook_url) <= 2000),
  author            text        NOT NULL CHECK (length(author) BETWEEN 1 AND 200),
  created_at        timestamptz NOT NULL DEFAULT now(),
  deleted_at        timestamptz,
  status            text        NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'pending', 'firing')),
  breach_minutes    integer     NOT NULL DEFAULT 0,
  evaluated_through timestamptz,
  last_value        double precision,
  last_baseline     double precision,
  last_z            double precision,
  status_since      timestamptz,
  CHECK ((scope = 'video') = (video_id IS NOT NULL)),
  CHECK ((scope = 'video') = (metric IN ('velocity', 'acceleration'))),
  CHECK (condition <> 'threshold' OR (threshold IS NOT NULL AND recover_threshold IS NOT NULL AND op <> 'either')),
  CHECK (condition <> 'anomaly' OR (baseline IS NOT NULL AND baseline_minutes IS NOT NULL AND z_threshold IS NOT NULL AND recover_z IS NOT NULL))
)
