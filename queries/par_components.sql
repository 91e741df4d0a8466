-- One year's component scores (areas of the index, SIPAS...) where the published table had them.
SELECT p.name AS province, c.component, c.score, p.region
FROM par_components_current c
JOIN provinces p ON p.code = c.province_code
WHERE c.year = $year
ORDER BY p.name, c.component;
