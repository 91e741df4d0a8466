-- What one upload covers (undo never deletes, so its rows still say): kind, year, cluster_id, period, index_id
-- and the cluster's full name.
WITH covered AS (
    SELECT DISTINCT 'par' AS kind, year, NULL::VARCHAR AS cluster_id, NULL::VARCHAR AS period,
           NULL::VARCHAR AS index_id
    FROM par_scores WHERE upload_id = $upload
    UNION SELECT DISTINCT 'index', year, NULL, NULL, index_id FROM index_scores WHERE upload_id = $upload
    UNION SELECT DISTINCT 'scoring', year, cluster_id, period, NULL FROM scoring_units WHERE upload_id = $upload
    UNION SELECT DISTINCT 'roster', year, cluster_id, NULL, NULL FROM cluster_roles WHERE upload_id = $upload
    UNION SELECT DISTINCT 'roster', year, cluster_id, NULL, NULL FROM cluster_members WHERE upload_id = $upload
    UNION SELECT DISTINCT 'roster', year, cluster_id, NULL, NULL FROM cluster_awards WHERE upload_id = $upload
)
SELECT v.kind, v.year, v.cluster_id, v.period, v.index_id, c.name AS cluster
FROM covered v
LEFT JOIN clusters c USING (cluster_id)
ORDER BY v.kind, v.year, v.cluster_id, v.period, v.index_id;
