-- Every provincial index beside the PAR Index: PCI (VCCI), PAPI (CECODES/UNDP), DTI, and SIPAS when it
-- comes in a table of its own. PAR rows (with their SIPAS figure) stay in par_scores, so uploads, undo and
-- par_ranking work as before; index_current shows PAR, SIPAS and the others as one model.
CREATE TABLE index_catalog (
    index_id VARCHAR PRIMARY KEY,    -- par, sipas, pci, papi, dti: the `index` parameter of the named results
    name VARCHAR NOT NULL,
    position INTEGER NOT NULL        -- the order lists show them in
);
INSERT INTO index_catalog VALUES
    ('par', 'Chỉ số cải cách hành chính (PAR Index)', 1),
    ('sipas', 'Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)', 2),
    ('pci', 'Chỉ số Năng lực cạnh tranh cấp tỉnh (PCI, VCCI)', 3),
    ('papi', 'Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (PAPI)', 4),
    ('dti', 'Chỉ số Chuyển đổi số cấp tỉnh (DTI)', 5);

CREATE TABLE index_scores (
    upload_id INTEGER NOT NULL,
    index_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    province_code VARCHAR NOT NULL,  -- a province absent from a published table (PCI's top 30) has no row
    score DOUBLE,                    -- as published: PCI 0..100, PAPI 0..80, DTI 0..1, SIPAS percent
    rank INTEGER NOT NULL,           -- as published, ties kept; computed from scores when the table has none
    rank_computed BOOLEAN NOT NULL,
    band VARCHAR,                    -- the publisher's group, where it uses one (PAPI's four groups, PCI's)
    source_sheet VARCHAR,
    score_cell VARCHAR,
    rank_cell VARCHAR
);

CREATE TABLE index_components (
    upload_id INTEGER NOT NULL,
    index_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    province_code VARCHAR NOT NULL,
    component VARCHAR NOT NULL,      -- PAPI's dimensions, PCI's sub-indices, DTI's pillars
    score DOUBLE
);

-- Where a SIPAS figure beside a PAR score was read (its own sheet when it came from a SIPAS table).
ALTER TABLE par_scores ADD COLUMN sipas_sheet VARCHAR;
ALTER TABLE par_scores ADD COLUMN sipas_cell VARCHAR;

CREATE OR REPLACE VIEW par_current AS
WITH newest AS (
    SELECT year, max(upload_id) AS upload_id
    FROM par_scores
    WHERE upload_id IN (SELECT upload_id FROM uploads WHERE status = 'active')
    GROUP BY year
)
SELECT s.* FROM par_scores s JOIN newest USING (year, upload_id);

-- The figures in force per index and year: those of the newest active upload holding that index's year.
CREATE VIEW index_scores_current AS
WITH newest AS (
    SELECT index_id, year, max(upload_id) AS upload_id
    FROM index_scores
    WHERE upload_id IN (SELECT upload_id FROM uploads WHERE status = 'active')
    GROUP BY index_id, year
)
SELECT s.* FROM index_scores s JOIN newest USING (index_id, year, upload_id);

-- One row per index, year and province in force. SIPAS read beside the PAR Index ranks by its figure
-- (ties share the best rank); a SIPAS table of its own, when there is one for the year, wins.
CREATE VIEW index_current AS
SELECT 'par' AS index_id, year, province_code, score, rank, rank_computed, NULL::VARCHAR AS band, upload_id,
       source_sheet, score_cell, rank_cell
FROM par_current
UNION ALL
SELECT 'sipas', year, province_code, sipas, rank() OVER (PARTITION BY year ORDER BY sipas DESC), true, NULL,
       upload_id, coalesce(sipas_sheet, source_sheet), sipas_cell, NULL
FROM par_current
WHERE sipas IS NOT NULL AND year NOT IN (SELECT year FROM index_scores_current WHERE index_id = 'sipas')
UNION ALL
SELECT index_id, year, province_code, score, rank, rank_computed, band, upload_id, source_sheet, score_cell, rank_cell
FROM index_scores_current;
