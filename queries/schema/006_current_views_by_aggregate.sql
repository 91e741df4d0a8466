-- The figures in force, found by a grouped max(upload_id) joined back instead of a window over every
-- row: DuckDB 2.0 gives a window one tiny partition per cluster, year, period and unit, which cost
-- about 10x more on a national database (bench/RESULTS.md, "Queries at scale"). Same rows as before.
CREATE OR REPLACE VIEW par_current AS
WITH newest AS (
    SELECT year, max(upload_id) AS upload_id
    FROM par_scores
    WHERE upload_id IN (SELECT upload_id FROM uploads WHERE status = 'active')
    GROUP BY year
)
SELECT s.* FROM par_scores s JOIN newest USING (year, upload_id);

-- Which upload supplies each unit's scores of a cluster, year and period: the newest active one.
CREATE VIEW scoring_current_uploads AS
SELECT cluster_id, year, period, unit, max(upload_id) AS upload_id
FROM scoring_units
WHERE upload_id IN (SELECT upload_id FROM uploads WHERE status = 'active')
GROUP BY cluster_id, year, period, unit;

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
