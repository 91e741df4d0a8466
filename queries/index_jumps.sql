-- Who rose and who fell between two years of one provincial index (index: par, sipas, pci, papi, dti),
-- between published ranks only: a province without a published rank in either year (outside PCI's top 30,
-- missing from PAPI) has no row. change = rank_from - rank_to: positive means the province rose.
-- When the years straddle the 1 July 2025 merger (63 -> 34 provinces), the earlier year is put on the
-- later basis as rank_jumps does for the PAR Index: each new province gets the mean score of the old
-- provinces that formed it, re-ranked, and is compared with its published rank in the later year.
WITH settings AS (
    SELECT $from_year < 2025 AND $to_year >= 2025 AS across_merger
),
scored AS (
    SELECT c.year, p.name, p.new_province, c.score, c.rank
    FROM index_current c
    JOIN provinces p ON p.code = c.province_code
    WHERE c.index_id = $index AND c.year IN ($from_year, $to_year)
),
as_published AS (
    SELECT year, name AS province, score, rank
    FROM scored
    WHERE NOT (SELECT across_merger FROM settings)
),
on_new_basis AS (
    SELECT year, new_province AS province, avg(score) AS score,
           CASE WHEN year >= 2025 THEN min(rank) END AS published_rank
    FROM scored
    WHERE (SELECT across_merger FROM settings)
    GROUP BY year, new_province
),
re_ranked AS (
    SELECT year, province, score,
           coalesce(published_rank, rank() OVER (PARTITION BY year ORDER BY score DESC))::INTEGER AS rank
    FROM on_new_basis
),
ranked AS (
    SELECT * FROM as_published
    UNION ALL
    SELECT * FROM re_ranked
)
SELECT f.province, f.rank AS rank_from, t.rank AS rank_to, f.rank - t.rank AS change,
       f.score AS score_from, t.score AS score_to
FROM ranked f
JOIN ranked t USING (province)
WHERE f.year = $from_year AND t.year = $to_year
ORDER BY change DESC, rank_to;
