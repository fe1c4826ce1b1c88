-- Job statement: orphan-file removal — delete files under lakehouse.{{schema}}.{{table}}'s location
-- that no snapshot references and that are older than :retention (left by failed or killed writes).
ALTER TABLE lakehouse.{{schema}}.{{table}} EXECUTE remove_orphan_files(retention_threshold => :retention)
