-- The upload history, newest first.
SELECT upload_id, file_name, kind, scope, row_count, warning_count, uploaded_by, uploaded_at,
       status, content_hash
FROM uploads
ORDER BY upload_id DESC;
