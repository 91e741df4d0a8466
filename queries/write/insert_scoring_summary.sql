-- Records that an upload is a summary: it covers every unit of its cluster, year and period.
INSERT INTO scoring_summaries (upload_id, cluster_id, year, period) VALUES ($upload_id, $cluster_id, $year, $period);
