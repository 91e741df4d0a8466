-- Provinces, the upload history, and the PAR Index.
CREATE TABLE provinces (
    code VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL UNIQUE,
    region VARCHAR NOT NULL,
    new_province VARCHAR NOT NULL,   -- the province it belongs to from 1 July 2025
    seat_of_new BOOLEAN NOT NULL     -- carries the new province on in rankings from 2025
);

CREATE SEQUENCE upload_ids START 1;

-- Every file (or in-app edit) that was written, and what became of it.
-- status: 'active' (its rows count) or 'undone'. The newest active upload covering a
-- (kind, scope) wins; older ones stay for the history and come back if it is undone.
CREATE TABLE uploads (
    upload_id INTEGER PRIMARY KEY DEFAULT nextval('upload_ids'),
    file_name VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,           -- par | scoring | roster
    scope VARCHAR NOT NULL,          -- e.g. '2021' or '2020,2021' for PAR
    row_count INTEGER NOT NULL,
    warning_count INTEGER NOT NULL DEFAULT 0,
    uploaded_by VARCHAR NOT NULL DEFAULT '',
    uploaded_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    status VARCHAR NOT NULL DEFAULT 'active',
    status_changed_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE par_scores (
    upload_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    province_code VARCHAR NOT NULL,
    score DOUBLE,                    -- percent, 0..100
    rank INTEGER NOT NULL,           -- 1 is best
    rank_computed BOOLEAN NOT NULL,  -- the table gave no rank; computed from scores
    sipas DOUBLE                     -- citizens' satisfaction, percent, when the table gives it
);

CREATE TABLE par_components (
    upload_id INTEGER NOT NULL,
    year INTEGER NOT NULL,
    province_code VARCHAR NOT NULL,
    component VARCHAR NOT NULL,
    score DOUBLE
);

-- The PAR figures in force: for each year, those of the newest active upload that covers it.
CREATE VIEW par_current AS
SELECT s.*
FROM par_scores s
JOIN uploads u USING (upload_id)
WHERE u.status = 'active'
QUALIFY s.upload_id = max(s.upload_id) OVER (PARTITION BY s.year);

CREATE VIEW par_components_current AS
SELECT c.*
FROM par_components c
JOIN (SELECT DISTINCT year, upload_id FROM par_current) USING (year, upload_id);
