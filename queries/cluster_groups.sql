-- Each unit's score per top-level criterion group, and its share of the group's maximum.
-- optional: period
SELECT unit, code, title, position, cluster_score AS score, self_score, max_points,
       CASE WHEN max_points > 0 THEN cluster_score / max_points END AS share
FROM criteria_current
WHERE cluster_id = $cluster AND year = $year AND period = coalesce($period, 'year')
  AND level = 1 AND measure = 'criterion'
ORDER BY position, unit;
