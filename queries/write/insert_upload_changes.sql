INSERT INTO upload_changes (upload_id, position, scope, subject, figure, before, after, change)
SELECT $upload_id, position, scope, subject, figure, before, after, change FROM incoming;
