-- The years and periods scored in one cluster, newest first.
SELECT DISTINCT year, period FROM scoring_current_uploads WHERE cluster_id = $cluster ORDER BY year DESC, period;
