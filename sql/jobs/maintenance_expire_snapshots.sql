-- Job statement: snapshot expiry — drop snapshots of lakehouse.{{schema}}.{{table}} older than
-- :retention (and the files only they referenced). Pulse needs no time travel beyond that.
ALTER TABLE lakehouse.{{schema}}.{{table}} EXECUTE expire_snapshots(retention_threshold => :retention)
