-- What one upload changed in the figures in force when it was written (empty: it changed nothing, or
-- it was written before changes were recorded: uploads.changes_recorded tells them apart).
SELECT scope, subject, figure, before, after, change
FROM upload_changes
WHERE upload_id = $upload
ORDER BY position;
