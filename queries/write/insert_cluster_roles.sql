INSERT INTO cluster_roles (upload_id, cluster_id, year, role, unit, province_code, source_sheet, source_cell)
SELECT $upload_id, cluster_id, year, role, unit, province_code, sheet, cell FROM incoming;
