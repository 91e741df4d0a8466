INSERT INTO cluster_awards (upload_id, cluster_id, year, unit, province_code, award, proposed)
SELECT $upload_id, cluster_id, year, unit, province_code, award, proposed FROM incoming;
