-- The members of each cluster, year by year (from rosters, else from the units scored).
-- optional: cluster
WITH listed AS (
    SELECT cluster_id, year, unit, province_code FROM members_current
),
scored AS (
    SELECT DISTINCT cluster_id, year, unit, province_code FROM scoring_current
    WHERE (cluster_id, year) NOT IN (SELECT cluster_id, year FROM listed)
)
SELECT c.name AS cluster, m.year, m.unit, m.cluster_id, p.name AS province, p.new_province
FROM (SELECT * FROM listed UNION ALL SELECT * FROM scored) m
JOIN clusters c USING (cluster_id)
LEFT JOIN provinces p ON p.code = m.province_code
WHERE $cluster IS NULL OR m.cluster_id = $cluster
ORDER BY c.name, m.year, m.unit;
