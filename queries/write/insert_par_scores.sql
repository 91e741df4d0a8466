INSERT INTO par_scores (upload_id, year, province_code, score, rank, rank_computed, sipas)
SELECT $upload_id, year, province_code, score, rank, rank_computed, sipas FROM incoming;
