-- Every province's PAR Index score and rank in every year (the series behind bump charts).
SELECT c.year, CASE WHEN c.year >= 2025 THEN p.new_province ELSE p.name END AS province, c.score, c.rank, p.region, p.new_province
FROM par_current c
JOIN provinces p ON p.code = c.province_code
ORDER BY c.year, c.rank;
