-- The members of each cluster, year by year (from rosters, else from the units scored).
-- optional: cluster
WITH listed AS (
    SELECT cluster_id, year, unit, province_code FROM members_current
),
scored AS (  -- only the years no roster lists: find their uploads first, then read their rows
    SELECT DISTINCT s.cluster_id, s.year, s.unit, s.province_code
    FROM scoring_units s
    JOIN (SELECT * FROM scoring_current_uploads WHERE (cluster_id, year) NOT IN (SELECT cluster_id, year FROM listed))
        USING (cluster_id, year, period, unit, upload_id)
)
SELECT c.name AS cluster, m.year, m.unit, m.cluster_id, p.name AS province, p.new_province
FROM (SELECT * FROM listed UNION ALL SELECT * FROM scored) m
JOIN clusters c USING (cluster_id)
LEFT JOIN provinces p ON p.code = m.province_code
WHERE $cluster IS NULL OR m.cluster_id = $cluster
ORDER BY c.name, m.year, m.unit;
