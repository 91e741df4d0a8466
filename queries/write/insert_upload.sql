INSERT INTO uploads (file_name, content_hash, kind, scope, row_count, warning_count, uploaded_by)
VALUES ($file_name, $content_hash, $kind, $scope, $row_count, $warning_count, $uploaded_by)
RETURNING upload_id;
