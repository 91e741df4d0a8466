INSERT INTO cluster_awards (upload_id, cluster_id, year, unit, province_code, award, proposed, source_sheet, source_cell)
SELECT $upload_id, cluster_id, year, unit, province_code, award, proposed, sheet, cell FROM incoming;
