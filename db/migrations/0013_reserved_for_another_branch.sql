-- A placeholder on branch bench23: schema versions 13 and 14 are taken by migrations of other
-- branches (the audit and edges work), and migrations must be numbered without gaps
-- (db/migrate.ts). When the branch that owns 13 is merged, delete this file: its own 0013 takes
-- this place (two files numbered 13 are refused, so the merge cannot miss it).
SELECT 1;
