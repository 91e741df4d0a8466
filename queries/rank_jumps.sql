-- Who rose and who fell between two years of the PAR Index.
-- change = rank_from - rank_to: positive means the province rose ("tăng N bậc").
-- When the years straddle the 1 July 2025 merger (63 -> 34 provinces), the earlier year is put on
-- the later basis: each new province gets the mean score of the old provinces that formed it,
-- re-ranked 1..34, and is compared with its published rank in the later year.
-- source_file, source_sheet, source_cell: where score_to was read.
WITH settings AS (
    SELECT $from_year < 2025 AND $to_year >= 2025 AS across_merger
),
scored AS (
    SELECT c.year, p.name, p.new_province, c.score, c.rank,
           u.file_name AS source_file, c.source_sheet, coalesce(c.score_cell, c.rank_cell) AS source_cell
    FROM par_current c
    JOIN provinces p ON p.code = c.province_code
    JOIN uploads u ON u.upload_id = c.upload_id
    WHERE c.year IN ($from_year, $to_year)
),
as_published AS (
    SELECT year, name AS province, score, rank, source_file, source_sheet, source_cell
    FROM scored
    WHERE NOT (SELECT across_merger FROM settings)
),
on_new_basis AS (
    SELECT year, new_province AS province, avg(score) AS score,
           CASE WHEN year >= 2025 THEN min(rank) END AS published_rank,
           -- one old province per new one from 2025 on: its seat's source; none for an average before
           CASE WHEN count(*) = 1 THEN any_value(source_file) END AS source_file,
           CASE WHEN count(*) = 1 THEN any_value(source_sheet) END AS source_sheet,
           CASE WHEN count(*) = 1 THEN any_value(source_cell) END AS source_cell
    FROM scored
    WHERE (SELECT across_merger FROM settings)
    GROUP BY year, new_province
),
re_ranked AS (
    SELECT year, province, score,
           coalesce(published_rank, rank() OVER (PARTITION BY year ORDER BY score DESC))::INTEGER AS rank,
           source_file, source_sheet, source_cell
    FROM on_new_basis
),
ranked AS (
    SELECT * FROM as_published
    UNION ALL
    SELECT * FROM re_ranked
)
SELECT f.province, f.rank AS rank_from, t.rank AS rank_to, f.rank - t.rank AS change,
       f.score AS score_from, t.score AS score_to, t.source_file, t.source_sheet, t.source_cell
FROM ranked f
JOIN ranked t USING (province)
WHERE f.year = $from_year AND t.year = $to_year
ORDER BY change DESC, rank_to;
