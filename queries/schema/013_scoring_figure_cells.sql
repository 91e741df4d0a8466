-- The cells (A1 style, on the row's source_sheet) of the scoring figures 012 left out: a unit's self total,
-- bonus and penalty, a criterion's self score and maximum. A figure the reader added up from several cells
-- (a bonus over two columns, a self total from the criteria) has none, as have rows written before this.
ALTER TABLE scoring_units ADD COLUMN self_total_cell VARCHAR;
ALTER TABLE scoring_units ADD COLUMN bonus_cell VARCHAR;
ALTER TABLE scoring_units ADD COLUMN penalty_cell VARCHAR;
ALTER TABLE scoring_criteria ADD COLUMN self_score_cell VARCHAR;
ALTER TABLE scoring_criteria ADD COLUMN max_points_cell VARCHAR;

-- The views again, so that they list the new columns (same rows as 006 and 008).
CREATE OR REPLACE VIEW scoring_current AS
SELECT s.* FROM scoring_units s JOIN scoring_current_uploads USING (cluster_id, year, period, unit, upload_id);

CREATE OR REPLACE VIEW criteria_current AS
SELECT c.* FROM scoring_criteria c JOIN scoring_current_uploads USING (cluster_id, year, period, unit, upload_id);
