-- Benchmarks only (bench/national.py): the criteria of many uploads at once, each row naming its upload.
INSERT INTO scoring_criteria (upload_id, cluster_id, year, period, unit, position, node_key, parent_key, code, title,
                              level, is_leaf, measure, max_points, self_score, cluster_score)
SELECT upload_id, cluster_id, year, period, unit, position, node_key, parent_key, code, title,
       level, is_leaf, measure, max_points, self_score, cluster_score
FROM incoming;
