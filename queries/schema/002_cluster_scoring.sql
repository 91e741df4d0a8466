-- Emulation clusters and their scoring workbooks.
-- A cluster is known by its full name (the same regional name exists in other sectors);
-- cluster_id is a readable key made from that name.
CREATE TABLE clusters (
    cluster_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL UNIQUE
);

-- One row per unit per scored period: the totals the cluster confirmed.
-- period: 'year' (tổng kết năm) or 'mid' (sơ kết 6 tháng).
CREATE TABLE scoring_units (
    upload_id INTEGER NOT NULL,
    cluster_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    period VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    province_code VARCHAR,           -- the unit's province, when it is a province's department
    total DOUBLE NOT NULL,           -- the confirmed total that ranks (cluster score, bonus, penalty)
    rank INTEGER NOT NULL,
    rank_computed BOOLEAN NOT NULL,
    self_total DOUBLE,               -- the unit's own score (tự chấm), when the workbook gives it
    bonus DOUBLE,
    penalty DOUBLE,                  -- points taken off, as a positive number
    award VARCHAR                    -- the award proposed ("Cờ thi đua ...", "Bằng khen ..."), verbatim
);

-- The criteria tree per unit: groups (I, II), criteria (1, 1.1) and leaves (a, b).
CREATE TABLE scoring_criteria (
    upload_id INTEGER NOT NULL,
    cluster_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    period VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    position INTEGER NOT NULL,       -- order in the workbook
    code VARCHAR NOT NULL,
    parent_code VARCHAR,
    title VARCHAR NOT NULL,
    level INTEGER NOT NULL,          -- 1 for a top group
    is_leaf BOOLEAN NOT NULL,
    max_points DOUBLE,
    self_score DOUBLE,
    cluster_score DOUBLE
);

-- The scores in force: per cluster, year and period, those of the newest active upload.
CREATE VIEW scoring_current AS
SELECT s.*
FROM scoring_units s
JOIN uploads u USING (upload_id)
WHERE u.status = 'active'
QUALIFY s.upload_id = max(s.upload_id) OVER (PARTITION BY s.cluster_id, s.year, s.period);

CREATE VIEW criteria_current AS
SELECT c.*
FROM scoring_criteria c
JOIN (SELECT DISTINCT cluster_id, year, period, upload_id FROM scoring_current)
    USING (cluster_id, year, period, upload_id);
