-- Job statement: compaction — rewrite the small data files of lakehouse.{{schema}}.{{table}}
-- (those under :file_size_threshold, e.g. the micro-batch's per-minute files) into larger ones.
ALTER TABLE lakehouse.{{schema}}.{{table}} EXECUTE optimize(file_size_threshold => :file_size_threshold)
