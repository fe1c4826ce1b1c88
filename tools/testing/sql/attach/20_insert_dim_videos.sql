-- Attach test fixture, the other team's own data: three videos; gamma is banned (left out of trending).
INSERT INTO warehouse_prod.dims.dim_videos
VALUES
  ('v_alpha', 'c_1', 'Gaming', ARRAY['speedrun'], 60000, :t - INTERVAL '48' HOUR, 'active', :t - INTERVAL '48' HOUR),
  ('v_beta',  'c_2', 'Beauty', ARRAY['makeup'],   30000, :t - INTERVAL '24' HOUR, 'active', :t - INTERVAL '24' HOUR),
  ('v_gamma', 'c_1', 'Gaming', ARRAY['clip'],     15000, :t - INTERVAL '1' HOUR,  'banned', :t - INTERVAL '1' HOUR)
