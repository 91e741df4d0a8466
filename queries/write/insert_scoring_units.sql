INSERT INTO scoring_units (upload_id, cluster_id, year, period, unit, province_code, total, rank, rank_computed,
                           self_total, bonus, penalty, award, source_sheet, total_cell, rank_cell, award_cell,
                           self_total_cell, bonus_cell, penalty_cell)
SELECT $upload_id, $cluster_id, $year, $period, unit, province_code, total, rank, rank_computed,
       self_total, bonus, penalty, award, sheet, total_cell, rank_cell, award_cell,
       self_total_cell, bonus_cell, penalty_cell
FROM incoming;
