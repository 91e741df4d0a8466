-- A roster's award list may hold the awards a cluster proposed ("Danh sách đề nghị khen thưởng") as well
-- as those decided; the newest active list of each kind wins per (cluster, year).
ALTER TABLE cluster_awards ADD COLUMN proposed BOOLEAN NOT NULL DEFAULT false;

CREATE OR REPLACE VIEW awards_listed_current AS
SELECT a.* FROM cluster_awards a JOIN uploads u USING (upload_id) WHERE u.status = 'active'
QUALIFY a.upload_id = max(a.upload_id) OVER (PARTITION BY a.cluster_id, a.year, a.proposed);
