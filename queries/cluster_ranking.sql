-- One cluster's ranking for a year, or for every year scored (oldest first) when no year is given;
-- year-end unless a period is given: each unit's confirmed total and rank, with the previous year's
-- figures for comparison, and the number of units ranked that year. The published rank stands
-- when every unit's scores come from one workbook that gave ranks; otherwise units are ranked
-- by total (ties share the better rank). upload_id: the upload each unit's figures come from;
-- source_file, source_sheet, source_cell: where the total was read, uploaded_at and uploaded_by: when and by whom;
-- self_total_cell, bonus_cell, penalty_cell: those figures' cells on source_sheet (none when added up from several).
-- optional: period, year
WITH scored AS (
    SELECT s.*,
           lag(s.total) OVER (PARTITION BY s.same_unit ORDER BY s.year) AS total_previous,
           lag(s.year) OVER (PARTITION BY s.same_unit ORDER BY s.year) AS year_previous,
           rank() OVER (PARTITION BY s.year ORDER BY s.total DESC) AS rank_by_total,
           min(s.upload_id) OVER (PARTITION BY s.year) = max(s.upload_id) OVER (PARTITION BY s.year)
               AND bool_and(NOT s.rank_computed) OVER (PARTITION BY s.year) AS published_rank_stands
    FROM (SELECT *, coalesce(province_code, unit) AS same_unit FROM scoring_current) s  -- a province's department is one unit under each name it had (Thừa Thiên Huế, Huế)
    WHERE s.cluster_id = $cluster AND s.period = coalesce($period, 'year')
),
ranked AS (
    SELECT *, CASE WHEN published_rank_stands THEN rank ELSE rank_by_total END AS final_rank
    FROM scored
),
with_previous AS (
    SELECT *, lag(final_rank) OVER (PARTITION BY same_unit ORDER BY year) AS rank_previous_any
    FROM ranked
)
SELECT s.unit, s.total, s.final_rank::INTEGER AS rank, p.name AS province, s.self_total, s.bonus, s.penalty, s.award,
       NOT s.published_rank_stands AS rank_computed,
       CASE WHEN s.year_previous = s.year - 1 THEN s.total_previous END AS total_previous,
       CASE WHEN s.year_previous = s.year - 1 THEN s.rank_previous_any END AS rank_previous,
       s.year, count(*) OVER (PARTITION BY s.year) AS units, s.upload_id,
       u.file_name AS source_file, s.source_sheet, s.total_cell AS source_cell, u.uploaded_at, u.uploaded_by,
       s.self_total_cell, s.bonus_cell, s.penalty_cell
FROM with_previous s
JOIN uploads u ON u.upload_id = s.upload_id
LEFT JOIN provinces p ON p.code = s.province_code
WHERE $year IS NULL OR s.year = $year
ORDER BY s.year, rank, s.unit;
