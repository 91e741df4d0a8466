SELECT upload_id, file_name, uploaded_at FROM uploads
WHERE content_hash = $content_hash AND kind = $kind AND status = 'active';
