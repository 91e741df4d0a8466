-- After an undo: the uploads whose figures now stand where the undone upload's stood (the same PAR
-- years and index years; the same clusters and years of its lists; the same clusters, years, periods and units of its
-- scores), oldest first. Undo never deletes, so the undone upload's rows still say what it covered.
WITH standing AS (
    SELECT upload_id FROM par_current
    WHERE year IN (SELECT year FROM par_scores WHERE upload_id = $upload_id)
    UNION
    SELECT c.upload_id FROM index_scores_current c
    JOIN (SELECT DISTINCT index_id, year FROM index_scores WHERE upload_id = $upload_id) USING (index_id, year)
    UNION
    SELECT c.upload_id FROM scoring_current_uploads c
    JOIN (SELECT DISTINCT cluster_id, year, period, unit FROM scoring_units WHERE upload_id = $upload_id)
        USING (cluster_id, year, period, unit)
    UNION
    SELECT r.upload_id FROM roles_current r
    JOIN (SELECT DISTINCT cluster_id, year FROM cluster_roles WHERE upload_id = $upload_id) USING (cluster_id, year)
    UNION
    SELECT m.upload_id FROM members_current m
    JOIN (SELECT DISTINCT cluster_id, year FROM cluster_members WHERE upload_id = $upload_id) USING (cluster_id, year)
    UNION
    SELECT a.upload_id FROM awards_listed_current a
    JOIN (SELECT DISTINCT cluster_id, year, proposed FROM cluster_awards WHERE upload_id = $upload_id)
        USING (cluster_id, year, proposed)
)
SELECT u.upload_id, u.file_name, u.uploaded_at, u.uploaded_by
FROM uploads u
WHERE u.upload_id IN (SELECT upload_id FROM standing)
ORDER BY u.upload_id;
