-- The upload history, newest first. in_force: some of the upload's rows are the figures in force
-- (an active upload is out of force once newer uploads cover everything it covered).
WITH in_force AS (
    SELECT upload_id FROM par_current
    UNION SELECT upload_id FROM scoring_current_uploads
    UNION SELECT upload_id FROM roles_current
    UNION SELECT upload_id FROM members_current
    UNION SELECT upload_id FROM awards_listed_current
)
SELECT u.upload_id, u.file_name, u.kind, u.scope, u.row_count, u.warning_count, u.uploaded_by, u.uploaded_at,
       u.status, u.status_changed_at, u.status_changed_by, u.content_hash, u.changes_recorded,
       u.upload_id IN (SELECT upload_id FROM in_force) AS in_force
FROM uploads u
ORDER BY u.upload_id DESC;
