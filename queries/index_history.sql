-- Every provincial index (PAR Index, SIPAS, PCI, PAPI, DTI) in every year it has figures: each province the
-- year's table publishes, with its score, rank as published (ties kept) and band; a province the table
-- leaves out (PCI's top 30, PAPI's missing provinces) has no row. index_name: the index's name; published:
-- how many provinces the year's table holds; ranked_among: how many provinces there were that year (63, or
-- 34 after the 1 July 2025 merger, whose names provinces carry from 2025 on); uploaded_by: who loaded the
-- figures (the demo data says so); rank_computed: the table publishes no rank (PAPI's bands), the rank
-- is the place by score.
SELECT c.index_id AS "index", k.name AS index_name, c.year,
       CASE WHEN c.year >= 2025 THEN p.new_province ELSE p.name END AS province, c.score, c.rank, c.band,
       c.rank_computed,
       count(*) OVER (PARTITION BY c.index_id, c.year) AS published,
       CASE WHEN c.year >= 2025 THEN (SELECT count(DISTINCT new_province) FROM provinces)
            ELSE (SELECT count(*) FROM provinces) END AS ranked_among,
       p.region, p.new_province, u.uploaded_by
FROM index_current c
JOIN index_catalog k USING (index_id)
JOIN provinces p ON p.code = c.province_code
JOIN uploads u ON u.upload_id = c.upload_id
ORDER BY k.position, c.year, c.rank, province;
