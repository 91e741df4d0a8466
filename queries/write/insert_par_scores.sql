INSERT INTO par_scores (upload_id, year, province_code, score, rank, rank_computed, sipas,
                        source_sheet, score_cell, rank_cell, sipas_sheet, sipas_cell)
SELECT $upload_id, year, province_code, score, rank, rank_computed, sipas, source_sheet, score_cell, rank_cell,
       sipas_sheet, sipas_cell
FROM incoming;
