-- Awards by cluster and year (both optional): those a roster lists, decided or proposed, and the
-- proposals of the year-end scoring workbooks; highest on the award ladder first (thidua/awards.py).
-- source: 'quyết định' (decided) or 'đề nghị' (proposed). source_file, source_sheet, source_cell: where the
-- award was read; uploaded_at and uploaded_by: when and by whom.
-- optional: cluster, year
WITH listed AS (
    SELECT cluster_id, year, unit, province_code, award,
           CASE WHEN proposed THEN 'đề nghị' ELSE 'quyết định' END AS source, NULL::INTEGER AS rank,
           upload_id, source_sheet, source_cell
    FROM awards_listed_current
),
scored AS (
    SELECT cluster_id, year, unit, province_code, award, 'đề nghị' AS source, rank,
           upload_id, source_sheet, award_cell AS source_cell
    FROM scoring_current
    WHERE award IS NOT NULL AND period = 'year'
),
chosen AS (
    SELECT * FROM (SELECT * FROM listed UNION ALL SELECT * FROM scored)
    WHERE ($cluster IS NULL OR cluster_id = $cluster) AND ($year IS NULL OR year = $year)
),
levels AS (  -- award_level runs in Python: once per award named, not once per row
    SELECT award, award_level(award) AS level FROM (SELECT DISTINCT award FROM chosen)
)
SELECT c.name AS cluster, a.year, a.unit, a.award, a.source, l.level, a.cluster_id, a.rank, p.name AS province,
       u.file_name AS source_file, a.source_sheet, a.source_cell, u.uploaded_at, u.uploaded_by
FROM chosen a
JOIN levels l USING (award)
JOIN clusters c USING (cluster_id)
JOIN uploads u ON u.upload_id = a.upload_id
LEFT JOIN provinces p ON p.code = a.province_code
ORDER BY c.name, a.year, l.level, a.source = 'đề nghị', a.rank NULLS LAST, a.unit;
