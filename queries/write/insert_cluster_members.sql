INSERT INTO cluster_members (upload_id, cluster_id, year, unit, province_code, source_sheet, source_cell)
SELECT $upload_id, cluster_id, year, unit, province_code, sheet, cell FROM incoming;
