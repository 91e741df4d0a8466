-- Where each PAR figure was read: the sheet, and the cells (A1 style) of the score and of the rank.
-- The file is the upload's. Rows written before this migration, and ranks computed from scores, have none.
ALTER TABLE par_scores ADD COLUMN source_sheet VARCHAR;
ALTER TABLE par_scores ADD COLUMN score_cell VARCHAR;
ALTER TABLE par_scores ADD COLUMN rank_cell VARCHAR;

-- The view again, so that it lists the new columns (same rows as 006).
CREATE OR REPLACE VIEW par_current AS
WITH newest AS (
    SELECT year, max(upload_id) AS upload_id
    FROM par_scores
    WHERE upload_id IN (SELECT upload_id FROM uploads WHERE status = 'active')
    GROUP BY year
)
SELECT s.* FROM par_scores s JOIN newest USING (year, upload_id);
