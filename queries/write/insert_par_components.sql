INSERT INTO par_components (upload_id, year, province_code, component, score)
SELECT $upload_id, year, province_code, component, score FROM incoming;
