-- Who led each cluster (Cụm trưởng) and who deputised (Cụm phó), year by year.
-- optional: cluster
SELECT c.name AS cluster, r.year, r.role, r.unit, r.cluster_id, p.name AS province
FROM roles_current r
JOIN clusters c USING (cluster_id)
LEFT JOIN provinces p ON p.code = r.province_code
WHERE $cluster IS NULL OR r.cluster_id = $cluster
ORDER BY c.name, r.year, r.role DESC, r.unit;
