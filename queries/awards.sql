-- Award proposals from the year-end scoring workbooks, by cluster and year (both optional).
-- optional: cluster, year
SELECT c.name AS cluster, s.year, s.unit, s.award, s.cluster_id, s.rank
FROM scoring_current s
JOIN clusters c USING (cluster_id)
WHERE s.award IS NOT NULL AND s.period = 'year'
  AND ($cluster IS NULL OR s.cluster_id = $cluster)
  AND ($year IS NULL OR s.year = $year)
ORDER BY c.name, s.year, s.rank;
