-- An active upload of the same content, for the same scope when one is given. The same file read
-- with other corrections (another year) covers another scope: that is no repeat.
-- optional: scope
SELECT upload_id, file_name, uploaded_at FROM uploads
WHERE content_hash = $content_hash AND kind = $kind AND ($scope IS NULL OR scope = $scope) AND status = 'active';
