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
    node_key VARCHAR NOT NULL,       -- the node's place in the tree, e.g. 'II/2.1/a'
    parent_key VARCHAR,
    code VARCHAR,                    -- the code as written: 'II', '2.1', 'a)'
    title VARCHAR NOT NULL,
    level INTEGER NOT NULL,          -- 1 for a top group
    is_leaf BOOLEAN NOT NULL,
    measure VARCHAR NOT NULL,        -- criterion | bonus | penalty
    max_points DOUBLE,
    self_score DOUBLE,
    cluster_score DOUBLE
);

-- The scores in force: per cluster, year, period and unit, those of the newest active upload
-- (a detail workbook may cover a single unit, so a newer one replaces only that unit's scores).
CREATE VIEW scoring_current AS
SELECT s.*
FROM scoring_units s
JOIN uploads u USING (upload_id)
WHERE u.status = 'active'
QUALIFY s.upload_id = max(s.upload_id) OVER (PARTITION BY s.cluster_id, s.year, s.period, s.unit);

CREATE VIEW criteria_current AS
SELECT c.*
FROM scoring_criteria c
JOIN (SELECT cluster_id, year, period, unit, upload_id FROM scoring_current)
    USING (cluster_id, year, period, unit, upload_id);
