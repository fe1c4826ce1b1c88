-- Attach test fixture: what the other team's RT writer appends after each commit so the dashboard
-- knows which minutes are complete (README, "Attach to an existing lakehouse"): one committed row of
-- job rt_video_stats_1min in Pulse's meta.job_checkpoints, complete_through = :t.
INSERT INTO warehouse_prod.meta.job_checkpoints (job, batch_id, state, complete_through, recorded_at, detail)
VALUES ('rt_video_stats_1min', 1, 'committed', :t, current_timestamp, 'team pipeline')
