INSERT INTO cluster_roles (upload_id, cluster_id, year, role, unit, province_code)
SELECT $upload_id, cluster_id, year, role, unit, province_code FROM incoming;
