-- One year's PAR Index: every province with its score (percent) and rank (1 is best).
SELECT p.name AS province, c.score, c.rank,
       p.code, p.region, p.new_province, c.sipas, c.rank_computed
FROM par_current c
JOIN provinces p ON p.code = c.province_code
WHERE c.year = $year
ORDER BY c.rank, p.name;
