-- upload_id is given only by a rehearsal (a write that is rolled back): the sequence would skip a number.
-- optional: upload_id
INSERT INTO uploads (upload_id, file_name, content_hash, kind, scope, row_count, warning_count, uploaded_by)
VALUES (coalesce($upload_id, nextval('upload_ids')), $file_name, $content_hash, $kind, $scope, $row_count,
        $warning_count, $uploaded_by)
RETURNING upload_id;
