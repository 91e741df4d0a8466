INSERT INTO index_scores (upload_id, index_id, year, province_code, score, rank, rank_computed, band,
                          source_sheet, score_cell, rank_cell)
SELECT $upload_id, "index", year, province_code, score, rank, rank_computed, band, source_sheet, score_cell, rank_cell
FROM incoming;
