-- One unit's whole criteria tree for a cluster and year: maximum, self score, cluster score.
-- optional: period
SELECT code, title, level, is_leaf, measure, max_points, self_score, cluster_score, node_key, parent_key, position
FROM criteria_current
WHERE cluster_id = $cluster AND year = $year AND unit = $unit AND period = coalesce($period, 'year')
ORDER BY position;
