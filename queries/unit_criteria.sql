-- One unit's whole criteria tree for a cluster and year: maximum, self score, cluster score, and where each
-- was read: source_sheet and the cells (A1 style; none when the figure is added up from the rows under it).
-- optional: period
SELECT code, title, level, is_leaf, measure, max_points, self_score, cluster_score, node_key, parent_key, position,
       source_sheet, cluster_score_cell AS cluster_cell, self_score_cell AS self_cell, max_points_cell AS max_cell
FROM criteria_current
WHERE cluster_id = $cluster AND year = $year AND unit = $unit AND period = coalesce($period, 'year')
ORDER BY position;
