-- The emulation clusters that have data, with the years scored.
SELECT c.cluster_id, c.name,
       min(s.year) AS first_year, max(s.year) AS last_year, count(DISTINCT s.unit) AS units
FROM clusters c
LEFT JOIN scoring_current_uploads s USING (cluster_id)
GROUP BY c.cluster_id, c.name
ORDER BY c.name;
