-- Every province's PAR Index score and rank in every year (the series behind bump charts).
-- source_file, source_sheet, source_cell: where the score was read (the rank's cell when the table gave no
-- score); uploaded_at and uploaded_by: when and by whom.
SELECT c.year, CASE WHEN c.year >= 2025 THEN p.new_province ELSE p.name END AS province, c.score, c.rank, p.region, p.new_province,
       u.file_name AS source_file, c.source_sheet, coalesce(c.score_cell, c.rank_cell) AS source_cell,
       u.uploaded_at, u.uploaded_by
FROM par_current c
JOIN provinces p ON p.code = c.province_code
JOIN uploads u ON u.upload_id = c.upload_id
ORDER BY c.year, c.rank;
