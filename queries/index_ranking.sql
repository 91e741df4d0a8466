-- One index's year (index: par, sipas, pci, papi, dti): every province it publishes, with its score as
-- published, its rank (ties kept) and band; a province the table leaves out has no row. From 2025 on,
-- provinces carry the names they took in the 1 July 2025 merger. source_file, source_sheet, source_cell:
-- where the score was read (the rank's cell when the table gave no score).
SELECT CASE WHEN c.year >= 2025 THEN p.new_province ELSE p.name END AS province, c.score, c.rank, c.band,
       u.file_name AS source_file, c.source_sheet, coalesce(c.score_cell, c.rank_cell) AS source_cell,
       c.rank_computed, p.code
FROM index_current c
JOIN provinces p ON p.code = c.province_code
JOIN uploads u ON u.upload_id = c.upload_id
WHERE c.index_id = $index AND c.year = $year
ORDER BY c.rank, p.name;
