-- One cluster's member lists as the rosters in force give them (not the units scored): what the
-- in-app roster editor starts from.
SELECT year, unit
FROM members_current
WHERE cluster_id = $cluster
ORDER BY year, unit;
