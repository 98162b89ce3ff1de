-- A placeholder on branch find18: schema versions 14 and 15 are taken by migrations of other
-- branches (transfer19, bench23), and migrations must be numbered without gaps (db/migrate.ts).
-- When the branch that owns 14 is merged, delete this file: its own 0014 takes this place (two
-- files numbered 14 are refused, so the merge cannot miss it).
SELECT 1;
