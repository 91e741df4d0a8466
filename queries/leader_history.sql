-- Who led each cluster (Cụm trưởng) and who deputised (Cụm phó), year by year. source_file, source_sheet,
-- source_cell: where the unit was read; uploaded_at and uploaded_by: when and by whom.
-- optional: cluster
SELECT c.name AS cluster, r.year, r.role, r.unit, r.cluster_id, p.name AS province,
       u.file_name AS source_file, r.source_sheet, r.source_cell, u.uploaded_at, u.uploaded_by
FROM roles_current r
JOIN clusters c USING (cluster_id)
JOIN uploads u ON u.upload_id = r.upload_id
LEFT JOIN provinces p ON p.code = r.province_code
WHERE $cluster IS NULL OR r.cluster_id = $cluster
ORDER BY c.name, r.year, r.role DESC, r.unit;
