-- Where each scoring and roster figure was read: the sheet, and the cells (A1 style) of the figures. The file
-- is the upload's; an entry typed in through the app names the editor's table and its grid cell. Rows written
-- before this migration, and ranks computed from totals, have none.
ALTER TABLE scoring_units ADD COLUMN source_sheet VARCHAR;
ALTER TABLE scoring_units ADD COLUMN total_cell VARCHAR;
ALTER TABLE scoring_units ADD COLUMN rank_cell VARCHAR;
ALTER TABLE scoring_units ADD COLUMN award_cell VARCHAR;
ALTER TABLE scoring_criteria ADD COLUMN source_sheet VARCHAR;
ALTER TABLE scoring_criteria ADD COLUMN cluster_score_cell VARCHAR;
ALTER TABLE cluster_roles ADD COLUMN source_sheet VARCHAR;
ALTER TABLE cluster_roles ADD COLUMN source_cell VARCHAR;        -- the unit's cell
ALTER TABLE cluster_members ADD COLUMN source_sheet VARCHAR;
ALTER TABLE cluster_members ADD COLUMN source_cell VARCHAR;      -- the unit's cell
ALTER TABLE cluster_awards ADD COLUMN source_sheet VARCHAR;
ALTER TABLE cluster_awards ADD COLUMN source_cell VARCHAR;       -- the award's cell

-- The views again, so that they list the new columns (same rows as 006 and 008).
CREATE OR REPLACE VIEW scoring_current AS
SELECT s.* FROM scoring_units s JOIN scoring_current_uploads USING (cluster_id, year, period, unit, upload_id);

CREATE OR REPLACE VIEW criteria_current AS
SELECT c.* FROM scoring_criteria c JOIN scoring_current_uploads USING (cluster_id, year, period, unit, upload_id);

CREATE OR REPLACE VIEW roles_current AS
WITH newest AS (
    SELECT cluster_id, year, max(upload_id) AS upload_id
    FROM cluster_roles
    WHERE upload_id IN (SELECT upload_id FROM uploads WHERE status = 'active')
    GROUP BY cluster_id, year
)
SELECT r.* FROM cluster_roles r JOIN newest USING (cluster_id, year, upload_id);

CREATE OR REPLACE VIEW members_current AS
WITH newest AS (
    SELECT cluster_id, year, max(upload_id) AS upload_id
    FROM cluster_members
    WHERE upload_id IN (SELECT upload_id FROM uploads WHERE status = 'active')
    GROUP BY cluster_id, year
)
SELECT m.* FROM cluster_members m JOIN newest USING (cluster_id, year, upload_id);

CREATE OR REPLACE VIEW awards_listed_current AS
WITH newest AS (
    SELECT cluster_id, year, proposed, max(upload_id) AS upload_id
    FROM cluster_awards
    WHERE upload_id IN (SELECT upload_id FROM uploads WHERE status = 'active')
    GROUP BY cluster_id, year, proposed
)
SELECT a.* FROM cluster_awards a JOIN newest USING (cluster_id, year, proposed, upload_id);
