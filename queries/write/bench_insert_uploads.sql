-- Benchmarks only (bench/national.py): many uploads in one statement; the ids come back by file name.
INSERT INTO uploads (file_name, content_hash, kind, scope, row_count, warning_count, uploaded_by)
SELECT file_name, content_hash, kind, scope, row_count, 0, uploaded_by FROM incoming
RETURNING upload_id, file_name;
