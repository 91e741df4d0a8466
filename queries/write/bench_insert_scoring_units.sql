-- Benchmarks only (bench/national.py): the units of many uploads at once, each row naming its upload.
INSERT INTO scoring_units (upload_id, cluster_id, year, period, unit, province_code, total, rank, rank_computed,
                           self_total, bonus, penalty, award)
SELECT upload_id, cluster_id, year, period, unit, province_code, total, rank, rank_computed,
       self_total, bonus, penalty, award
FROM incoming;
