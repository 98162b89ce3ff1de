-- A placeholder on branch find18: schema versions 14 and 15 are taken by migrations of other
-- branches (transfer19, bench23), and migrations must be numbered without gaps (db/migrate.ts).
-- When the branch that owns 15 is merged, delete this file: its own 0015 takes this place (two
-- files numbered 15 are refused, so the merge cannot miss it).
SELECT 1;
