-- A summary workbook (every unit of a cluster, year and period) replaces the whole of that scope: a unit
-- an earlier upload listed and a corrected summary no longer lists leaves the ranking. A detail workbook
-- still replaces only the units it covers. Uploads written before this migration did not record their
-- shape and keep replacing unit by unit.
CREATE TABLE scoring_summaries (
    upload_id INTEGER NOT NULL,
    cluster_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    period VARCHAR NOT NULL
);

CREATE OR REPLACE VIEW scoring_current_uploads AS
WITH active AS (
    SELECT upload_id FROM uploads WHERE status = 'active'
),
newest_summary AS (
    SELECT cluster_id, year, period, max(upload_id) AS upload_id
    FROM scoring_summaries
    WHERE upload_id IN (SELECT upload_id FROM active)
    GROUP BY cluster_id, year, period
)
SELECT s.cluster_id, s.year, s.period, s.unit, max(s.upload_id) AS upload_id
FROM scoring_units s
LEFT JOIN newest_summary n USING (cluster_id, year, period)
WHERE s.upload_id IN (SELECT upload_id FROM active) AND s.upload_id >= coalesce(n.upload_id, 0)
GROUP BY s.cluster_id, s.year, s.period, s.unit;
