-- One year's PAR Index: every province with its score (percent) and rank (1 is best).
-- From 2025 on, provinces carry the names they took in the 1 July 2025 merger.
-- source_file, source_sheet, source_cell: where the score was read (the rank's cell when the table gave
-- no score); rank_source_cell: where the rank was read (NULL when it was computed from the scores);
-- uploaded_at and uploaded_by: when and by whom.
SELECT CASE WHEN c.year >= 2025 THEN p.new_province ELSE p.name END AS province, c.score, c.rank,
       p.code, p.region, p.new_province, c.sipas, c.rank_computed,
       u.file_name AS source_file, c.source_sheet, coalesce(c.score_cell, c.rank_cell) AS source_cell,
       c.rank_cell AS rank_source_cell, u.uploaded_at, u.uploaded_by
FROM par_current c
JOIN provinces p ON p.code = c.province_code
JOIN uploads u ON u.upload_id = c.upload_id
WHERE c.year = $year
ORDER BY c.rank, p.name;
