-- Who last changed an upload's status (undid it), beside when (status_changed_at).
ALTER TABLE uploads ADD COLUMN status_changed_by VARCHAR NOT NULL DEFAULT '';
