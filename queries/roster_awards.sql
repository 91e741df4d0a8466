-- One cluster's awards as the rosters in force list them, decided or proposed (not the proposals
-- of scoring workbooks): what the in-app roster editor starts from.
SELECT year, unit, award, proposed
FROM awards_listed_current
WHERE cluster_id = $cluster
ORDER BY year, proposed, award_level(award), unit;
