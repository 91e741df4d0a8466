INSERT INTO scoring_criteria (upload_id, cluster_id, year, period, unit, position, code, parent_code, title, level,
                              is_leaf, max_points, self_score, cluster_score)
SELECT $upload_id, $cluster_id, $year, $period, unit, position, code, parent_code, title, level,
       is_leaf, max_points, self_score, cluster_score
FROM incoming;
