-- Index pulse_ops.annotations_at: a chart asks for the annotations overlapping its time range.
CREATE INDEX IF NOT EXISTS annotations_at ON pulse_ops.annotations (at)
