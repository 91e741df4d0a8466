-- Yardsticks for one province's PAR Index score, per year and region: the median of the region's
-- provinces, the national median and the best score with the province that made it.
-- From 2025 on, the 34 provinces of the 1 July 2025 merger, each in the region of its seat.
WITH scores AS (
    SELECT c.year, c.score, p.region, CASE WHEN c.year >= 2025 THEN p.new_province ELSE p.name END AS province
    FROM par_current c
    JOIN provinces p ON p.code = c.province_code
),
national AS (
    SELECT year, median(score) AS national_median, max(score) AS best, arg_max(province, score) AS best_province
    FROM scores
    GROUP BY year
)
SELECT s.year, s.region, median(s.score) AS region_median, n.national_median, n.best, n.best_province
FROM scores s
JOIN national n USING (year)
GROUP BY s.year, s.region, n.national_median, n.best, n.best_province
ORDER BY s.year, s.region;
