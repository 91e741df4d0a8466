INSERT INTO clusters (cluster_id, name) VALUES ($cluster_id, $name) ON CONFLICT DO NOTHING;
