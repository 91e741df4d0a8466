-- Which upload supplies the figures in force, per kind and year (and cluster, for scoring and
-- rosters; period, for scoring; index, for the other provincial indices): exported charts print its
-- source and the day it was loaded under the chart, and the demo mark is decided from its uploader.
-- kind: par | scoring | roster | index; cluster_id is NULL for the indices; period is NULL but for scoring;
-- index_id (sipas, pci, papi, dti) is NULL but for kind index (a SIPAS column of a PAR table is its upload's).
-- kind, cluster (a cluster_id): only those places (the upload diff asks for its own; ~40% less work).
-- optional: kind, cluster
WITH supplied AS (
    SELECT 'par' AS kind, year, NULL::VARCHAR AS cluster_id, NULL::VARCHAR AS period, NULL::VARCHAR AS index_id,
           upload_id FROM par_current
    UNION SELECT 'scoring', year, cluster_id, period, NULL, upload_id FROM scoring_current_uploads
    UNION SELECT 'roster', year, cluster_id, NULL, NULL, upload_id FROM roles_current
    UNION SELECT 'roster', year, cluster_id, NULL, NULL, upload_id FROM members_current
    UNION SELECT 'roster', year, cluster_id, NULL, NULL, upload_id FROM awards_listed_current
    UNION SELECT 'index', year, NULL, NULL, index_id, upload_id FROM index_current WHERE index_id <> 'par'
)
SELECT s.kind, s.year, s.cluster_id, s.upload_id, u.file_name, u.uploaded_by, u.uploaded_at, s.period, s.index_id
FROM supplied s
JOIN uploads u USING (upload_id)
WHERE ($kind IS NULL OR s.kind = $kind) AND ($cluster IS NULL OR s.cluster_id = $cluster)
ORDER BY s.kind, s.year, s.index_id, s.cluster_id, s.period, s.upload_id;
