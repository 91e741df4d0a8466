INSERT INTO index_components (upload_id, index_id, year, province_code, component, score)
SELECT $upload_id, "index", year, province_code, component, score FROM incoming;
