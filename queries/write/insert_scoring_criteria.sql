INSERT INTO scoring_criteria (upload_id, cluster_id, year, period, unit, position, node_key, parent_key, code, title,
                              level, is_leaf, measure, max_points, self_score, cluster_score, source_sheet,
                              cluster_score_cell, self_score_cell, max_points_cell)
SELECT $upload_id, $cluster_id, $year, $period, unit, position, "key", parent_key, code, title,
       level, is_leaf, measure, max_points, self_score, cluster_score, sheet, cell, self_cell, max_cell
FROM incoming;
