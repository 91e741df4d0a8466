-- Cluster rosters: who led each cluster, who belonged to it, and awards decided, by year.
-- role: 'Cụm trưởng' or 'Cụm phó' (a cluster may have two deputies in a year).
CREATE TABLE cluster_roles (
    upload_id INTEGER NOT NULL,
    cluster_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    role VARCHAR NOT NULL,
    unit VARCHAR NOT NULL,
    province_code VARCHAR
);

CREATE TABLE cluster_members (
    upload_id INTEGER NOT NULL,
    cluster_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    unit VARCHAR NOT NULL,
    province_code VARCHAR
);

-- Awards as decided or listed in a roster file (scoring workbooks carry proposals).
CREATE TABLE cluster_awards (
    upload_id INTEGER NOT NULL,
    cluster_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    unit VARCHAR NOT NULL,
    province_code VARCHAR,
    award VARCHAR NOT NULL
);

-- A roster upload covers the (cluster, year) pairs it names: the newest active one wins for each.
CREATE VIEW roles_current AS
SELECT r.* FROM cluster_roles r JOIN uploads u USING (upload_id) WHERE u.status = 'active'
QUALIFY r.upload_id = max(r.upload_id) OVER (PARTITION BY r.cluster_id, r.year);

CREATE VIEW members_current AS
SELECT m.* FROM cluster_members m JOIN uploads u USING (upload_id) WHERE u.status = 'active'
QUALIFY m.upload_id = max(m.upload_id) OVER (PARTITION BY m.cluster_id, m.year);

CREATE VIEW awards_listed_current AS
SELECT a.* FROM cluster_awards a JOIN uploads u USING (upload_id) WHERE u.status = 'active'
QUALIFY a.upload_id = max(a.upload_id) OVER (PARTITION BY a.cluster_id, a.year);
