-- One cluster's year-end ranking: each unit's confirmed total and rank, with the previous
-- year's figures for comparison.
-- optional: period
WITH scored AS (
    SELECT s.*,
           lag(s.total) OVER (PARTITION BY s.unit ORDER BY s.year) AS total_previous,
           lag(s.rank) OVER (PARTITION BY s.unit ORDER BY s.year) AS rank_previous,
           lag(s.year) OVER (PARTITION BY s.unit ORDER BY s.year) AS year_previous
    FROM scoring_current s
    WHERE s.cluster_id = $cluster AND s.period = coalesce($period, 'year')
)
SELECT s.unit, s.total, s.rank, p.name AS province, s.self_total, s.bonus, s.penalty, s.award,
       s.rank_computed,
       CASE WHEN s.year_previous = s.year - 1 THEN s.total_previous END AS total_previous,
       CASE WHEN s.year_previous = s.year - 1 THEN s.rank_previous END AS rank_previous
FROM scored s
LEFT JOIN provinces p ON p.code = s.province_code
WHERE s.year = $year
ORDER BY s.rank, s.unit;
