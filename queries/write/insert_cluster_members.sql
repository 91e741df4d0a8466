INSERT INTO cluster_members (upload_id, cluster_id, year, unit, province_code)
SELECT $upload_id, cluster_id, year, unit, province_code FROM incoming;
