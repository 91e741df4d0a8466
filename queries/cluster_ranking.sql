-- One cluster's ranking for a year, or for every year scored (oldest first) when no year is given;
-- year-end unless a period is given: each unit's confirmed total and rank, with the previous year's
-- figures for comparison, and the number of units ranked that year. The published rank stands
-- when every unit's scores come from one workbook that gave ranks; otherwise units are ranked
-- by total (ties share the better rank). upload_id: the upload each unit's figures come from;
-- source_file, source_sheet, source_cell: where the total was read, uploaded_at and uploaded_by: when and by whom;
-- self_total_cell, bonus_cell, penalty_cell: those figures' cells on source_sheet (none when added up from several).
-- optional: period, year
-- One window pass ranks each year, one more reads the year before (each window operator costs more than the rest
-- of this query); a year's figures need only its year and the one before.
WITH units AS (  -- a province's department is one unit under each name it had (Thừa Thiên Huế, Huế)
    SELECT *, coalesce(province_code, unit) AS same_unit FROM scoring_current
    WHERE cluster_id = $cluster AND period = coalesce($period, 'year')
      AND ($year IS NULL OR year BETWEEN $year - 1 AND $year)
),
years AS (
    SELECT year, min(upload_id) = max(upload_id) AND bool_and(NOT rank_computed) AS published_rank_stands,
           count(*) AS units
    FROM units
    GROUP BY year
),
ranked AS (
    SELECT u.*, y.published_rank_stands, y.units,
           CASE WHEN y.published_rank_stands THEN u.rank
                ELSE rank() OVER (PARTITION BY u.year ORDER BY u.total DESC) END AS final_rank
    FROM units u
    JOIN years y USING (year)
),
with_previous AS (
    SELECT *, lag(total) OVER previous AS total_previous, lag(year) OVER previous AS year_previous,
           lag(final_rank) OVER previous AS rank_previous_any
    FROM ranked
    WINDOW previous AS (PARTITION BY same_unit ORDER BY year)
)
SELECT s.unit, s.total, s.final_rank::INTEGER AS rank, p.name AS province, s.self_total, s.bonus, s.penalty, s.award,
       NOT s.published_rank_stands AS rank_computed,
       CASE WHEN s.year_previous = s.year - 1 THEN s.total_previous END AS total_previous,
       CASE WHEN s.year_previous = s.year - 1 THEN s.rank_previous_any END AS rank_previous,
       s.year, s.units, s.upload_id,
       u.file_name AS source_file, s.source_sheet, s.total_cell AS source_cell, u.uploaded_at, u.uploaded_by,
       s.self_total_cell, s.bonus_cell, s.penalty_cell
FROM with_previous s
JOIN uploads u ON u.upload_id = s.upload_id
LEFT JOIN provinces p ON p.code = s.province_code
WHERE $year IS NULL OR s.year = $year
ORDER BY s.year, rank, s.unit;
