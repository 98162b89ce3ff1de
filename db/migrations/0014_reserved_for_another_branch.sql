-- A placeholder on branch bench23: schema version 14 is taken by another branch's migration
-- (transfer19), and migrations must be numbered without gaps (db/migrate.ts). When the branch
-- that owns 14 is merged, delete this file: its own 0014 takes this place (two files numbered
-- 14 are refused, so the merge cannot miss it).
SELECT 1;
