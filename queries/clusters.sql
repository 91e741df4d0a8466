-- The emulation clusters that have data in force (scores, or lists of leaders, members or awards), with
-- the years scored: a cluster whose every upload was undone is not listed.
SELECT c.cluster_id, c.name,
       min(s.year) AS first_year, max(s.year) AS last_year, count(DISTINCT s.unit) AS units
FROM clusters c
LEFT JOIN scoring_current_uploads s USING (cluster_id)
WHERE c.cluster_id IN (SELECT cluster_id FROM scoring_current_uploads UNION SELECT cluster_id FROM roles_current
                       UNION SELECT cluster_id FROM members_current UNION SELECT cluster_id FROM awards_listed_current)
GROUP BY c.cluster_id, c.name
ORDER BY c.name;
