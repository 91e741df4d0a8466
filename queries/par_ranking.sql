-- One year's PAR Index: every province with its score (percent) and rank (1 is best).
-- From 2025 on, provinces carry the names they took in the 1 July 2025 merger.
SELECT CASE WHEN c.year >= 2025 THEN p.new_province ELSE p.name END AS province, c.score, c.rank,
       p.code, p.region, p.new_province, c.sipas, c.rank_computed
FROM par_current c
JOIN provinces p ON p.code = c.province_code
WHERE c.year = $year
ORDER BY c.rank, p.name;
