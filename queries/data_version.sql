-- Changes whenever an upload is written or undone: cached results are keyed by it.
SELECT count(*) AS uploads, coalesce(max(upload_id), 0) AS last_upload,
       coalesce(max(status_changed_at), TIMESTAMP '1970-01-01') AS last_change
FROM uploads;
