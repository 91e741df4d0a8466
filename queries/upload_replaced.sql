-- The uploads whose figures one upload replaced when it was written, oldest first.
SELECT u.upload_id, u.file_name, u.uploaded_by, u.uploaded_at
FROM upload_replacements r
JOIN uploads u ON u.upload_id = r.replaced_upload_id
WHERE r.upload_id = $upload
ORDER BY u.upload_id;
