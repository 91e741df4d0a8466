-- Undoes an active upload: its rows stay for the history but no longer count, so whatever it had
-- replaced is in force again. Returns nothing when the upload is not active (unknown or undone).
UPDATE uploads
SET status = 'undone', status_changed_at = current_timestamp, status_changed_by = $undone_by
WHERE upload_id = $upload_id AND status = 'active'
RETURNING upload_id, file_name, kind, scope;
