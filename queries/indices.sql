-- The provincial indices with figures in force: index (the `index` parameter of index_ranking), its name,
-- and the years it has, oldest first.
SELECT k.index_id AS "index", k.name, list(DISTINCT c.year ORDER BY c.year) AS years
FROM index_catalog k
JOIN index_current c USING (index_id)
GROUP BY k.index_id, k.name, k.position
ORDER BY k.position;
