INSERT INTO upload_replacements (upload_id, replaced_upload_id)
SELECT $upload_id, replaced_upload_id FROM incoming;
