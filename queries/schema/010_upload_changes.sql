-- What each upload changed in the figures in force when it was written: the preview's diff, kept with
-- the history. Values are as the pages showed them ("91,04%", "87,62"); NULL: the province or unit was
-- not there (before) or is no longer there (after).
CREATE TABLE upload_changes (
    upload_id INTEGER NOT NULL,
    position INTEGER NOT NULL,       -- the order the preview listed them in
    scope VARCHAR NOT NULL,          -- "Chỉ số CCHC năm 2021", "<cluster> · tổng kết năm 2024"
    subject VARCHAR NOT NULL,        -- the province or unit
    figure VARCHAR NOT NULL,         -- "Tổng điểm", "Xếp hạng", "Khen thưởng", "Vai trò", ...
    before VARCHAR,
    after VARCHAR,
    change VARCHAR NOT NULL          -- changed | appears | leaves: whether the province or unit stays
);

-- The uploads whose figures an upload replaced when it was written.
CREATE TABLE upload_replacements (
    upload_id INTEGER NOT NULL,
    replaced_upload_id INTEGER NOT NULL
);

-- Uploads written before this migration have no record of their changes; every later one has.
ALTER TABLE uploads ADD COLUMN changes_recorded BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE uploads ALTER COLUMN changes_recorded SET DEFAULT true;
